/// The built-in look of a snapshot: system fonts (nothing to download), one accent colour,
/// cards on a quiet background, and print rules that keep each milestone on one page.
enum Stylesheet {
  static let css = """
    :root{--accent:#2f54eb;--ink:#16191f;--muted:#5b6270;--line:#e3e6eb;--paper:#fff;--bg:#f5f6f8;--good:#1a7f37;--warn:#9a6700;--bad:#cf222e;--internal:#8250df}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-feature-settings:"tnum"}
    main{max-width:960px;margin:0 auto;padding:0 20px 32px}
    h1,h2,h3,h4,h5{line-height:1.25;margin:0}
    h1{font-size:2rem;letter-spacing:-.02em;font-weight:700}
    h2{font-size:1.25rem;margin:0 0 14px;font-weight:600}
    h3{font-size:1.02rem;margin:18px 0 8px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
    h4{font-size:1.05rem;font-weight:600}
    h5{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:12px 0 4px;font-weight:600}
    p{margin:0 0 8px}
    a{color:var(--accent)}
    code{font:.88em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
    section{background:var(--paper);border:1px solid var(--line);border-radius:14px;padding:22px 24px;margin:18px 0}
    .masthead{max-width:960px;margin:0 auto;padding:36px 20px 8px}
    .masthead .logo{max-height:44px;max-width:200px;display:block;margin-bottom:16px}
    .kicker{color:var(--accent);font-weight:600;font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;margin-bottom:6px}
    .parties{font-size:1.1rem;color:var(--muted);margin:8px 0 2px}
    .asof,.checkins{color:var(--muted);font-size:.9rem;margin:0}
    .lead{font-size:1.15rem;line-height:1.5}
    .objectives{list-style:none;margin:16px 0 0;padding:0;display:grid;gap:12px;grid-template-columns:repeat(auto-fit,minmax(250px,1fr))}
    .objectives>li{border-left:3px solid var(--accent);padding:2px 0 2px 12px}
    .objectives .result{font-weight:600;margin-bottom:4px}
    .challenge{color:var(--muted);font-size:.92rem}
    ul.checks{margin:4px 0 0;padding-left:20px;font-size:.92rem}
    .cards{display:grid;gap:12px;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));list-style:none;margin:0;padding:0}
    .keydate{border:1px solid var(--line);border-radius:12px;padding:14px 16px}
    .keydate .label{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;margin-bottom:2px}
    .keydate .date{font-size:1.35rem;font-weight:600;margin:0}
    .keydate .remaining{color:var(--accent);font-weight:600;margin-bottom:6px}
    .keydate .what,.why{color:var(--muted);font-size:.92rem}
    .why{margin:12px 0 0}
    .constraints{list-style:none;padding:0;margin:12px 0 0;font-size:.92rem}
    .constraints li{padding:4px 0;border-top:1px solid var(--line)}
    .constraints .when{display:inline-block;min-width:13em;font-weight:600}
    .stepper{list-style:none;margin:0;padding:0;display:flex;gap:6px;flex-wrap:wrap}
    .stepper li{flex:1 1 130px;border-top:4px solid var(--line);padding:8px 4px 0}
    .stepper .name{display:block;font-weight:600}
    .stepper .count{display:block;color:var(--muted);font-size:.85rem}
    .stepper .complete{border-color:var(--good)}
    .stepper .current{border-color:var(--accent)}
    .stepper .current .name{color:var(--accent)}
    .nextlist{list-style:none;margin:0;padding:0;display:grid;gap:12px;grid-template-columns:repeat(auto-fit,minmax(250px,1fr))}
    .nextlist>li{border:1px solid var(--line);border-radius:12px;padding:14px 16px}
    .nextlist h3{text-transform:none;letter-spacing:0;color:var(--ink);margin:0 0 6px;font-size:1rem}
    .due{font-size:.92rem}
    .overdue{color:var(--bad);font-weight:600}
    .owners{font-size:.9rem;color:var(--muted);margin:6px 0 0}
    .side{display:inline-block;margin-right:10px}
    .side.buyer::before,.side.seller::before{content:"";display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;vertical-align:1px}
    .side.buyer::before{background:#0a7d8c}
    .side.seller::before{background:var(--accent)}
    .scroll{overflow-x:auto;border-radius:8px}
    .scroll-wrap{position:relative}
    .scroll-hint{display:none;margin:0 0 4px;text-align:right;color:var(--muted);font-size:.82rem}
    .scroll-hint.from-end{text-align:left}
    .scroll.from-end{direction:rtl}
    .scroll.from-end>svg{direction:ltr}
    @media (max-width:800px){.scroll-hint{display:block}.scroll-wrap::after{content:"";position:absolute;top:0;bottom:0;right:0;width:36px;pointer-events:none;background:linear-gradient(to right,rgba(255,255,255,0),#fff)}.scroll-wrap.from-end::after{right:auto;left:0;background:linear-gradient(to left,rgba(255,255,255,0),#fff)}}
    .glance{padding:14px 18px}
    .glance h2{margin-bottom:6px}
    .glance .facts{display:grid;gap:8px 18px;grid-template-columns:repeat(auto-fit,minmax(190px,1fr))}
    .glance .fact .label{color:var(--muted);font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;margin:0}
    .glance .value,.glance .state{font-weight:600;margin:0}
    .glance .due,.glance .owners{margin:0}
    .state.on-track{color:var(--good)}
    .state.at-risk{color:var(--warn)}
    .state.overdue{color:var(--bad)}
    .slip-why{color:var(--muted);font-size:.88rem}
    .scroll:focus{outline:2px solid var(--accent);outline-offset:2px}
    svg{display:block;max-width:100%;height:auto}
    svg.timeline,svg.trend{min-width:720px;font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
    svg .band{fill:#f7f8fa}
    svg .grid{stroke:#e6e8ec;stroke-width:1}
    svg .tick{fill:var(--muted);font-size:11px}
    svg .axis{fill:var(--muted);font-size:11px}
    svg .label{fill:var(--ink);font-size:12.5px}
    svg .today{stroke:var(--accent);stroke-width:1.5;stroke-dasharray:4 3}
    svg .today-label{fill:var(--accent);font-size:11px;font-weight:600}
    svg .key{stroke:#8c959f;stroke-width:1;stroke-dasharray:2 3}
    svg .golive{stroke:var(--good);stroke-dasharray:6 3}
    svg .mark{stroke-width:2;stroke:#fff}
    svg .s-done{fill:var(--good)}
    svg .s-in-progress{fill:var(--accent)}
    svg .s-not-started,svg .s-none{fill:#fff;stroke:#8c959f}
    svg .s-blocked{fill:var(--bad)}
    svg .s-cancelled{stroke:#8c959f;fill:none}
    svg .r-at-risk{stroke:var(--warn);stroke-width:3}
    svg .r-off-track{stroke:var(--bad);stroke-width:3}
    svg .baseline{fill:#fff;stroke:#6e7781;stroke-width:1.5}
    svg .drift{stroke:var(--bad);stroke-width:2;stroke-dasharray:3 2}
    svg .plot{fill:#fbfbfc;stroke:var(--line)}
    svg .diagonal{stroke:#8c959f;stroke-dasharray:5 4}
    svg .series{fill:none;stroke-width:2.5}
    svg .c0{stroke:var(--accent);fill:var(--accent)}
    svg .c1{stroke:#bc4c00;fill:#bc4c00}
    svg .c2{stroke:#0a7d8c;fill:#0a7d8c}
    svg .c3{stroke:#8250df;fill:#8250df}
    svg .c4{stroke:#57606a;fill:#57606a}
    svg path.series{fill:none}
    .legend,.hint{color:var(--muted);font-size:.85rem;margin-top:8px}
    .legend span{margin-right:12px;white-space:nowrap}
    .key-done{color:var(--good)}.key-progress{color:var(--accent)}.key-blocked{color:var(--bad)}
    .trend-legend{list-style:none;padding:0;margin:10px 0 0;font-size:.9rem}
    .trend-legend li{margin:2px 0}
    .trend-legend .swatch{display:inline-block;vertical-align:middle;min-width:0}
    .changes{margin:0;padding-left:20px}
    .changes li{margin:3px 0}
    .mlist{list-style:none;margin:0;padding:0}
    .milestone{border:1px solid var(--line);border-left:4px solid #8c959f;border-radius:10px;padding:14px 16px;margin:0 0 10px;break-inside:avoid;page-break-inside:avoid}
    .milestone.st-done{border-left-color:var(--good)}
    .milestone.st-in-progress{border-left-color:var(--accent)}
    .milestone.st-blocked{border-left-color:var(--bad)}
    .milestone.st-cancelled{opacity:.7}
    .mhead{display:flex;gap:12px;justify-content:space-between;align-items:flex-start;flex-wrap:wrap}
    .pills{margin:0;white-space:nowrap}
    .pill{display:inline-block;font-size:.75rem;font-weight:600;padding:2px 9px;border-radius:999px;border:1px solid currentColor}
    .st-done .pill.st-done,.pill.st-done{color:var(--good)}
    .pill.st-in-progress{color:var(--accent)}
    .pill.st-not-started,.pill.st-none,.pill.st-cancelled{color:var(--muted)}
    .pill.st-blocked,.pill.rk-off-track{color:var(--bad)}
    .pill.rk-at-risk{color:var(--warn)}
    .pill.rk-on-track{color:var(--good)}
    .meta{font-size:.9rem;margin:6px 0 0}
    .slip{display:inline-block;font-size:.78rem;font-weight:600;padding:1px 8px;border-radius:6px}
    .slip.late{background:#ffebe9;color:#a40e26}
    .slip.early{background:#dafbe1;color:#116329}
    .log ol{list-style:none;margin:0;padding:0;font-size:.92rem}
    .log li{padding:3px 0}
    .log time{font-weight:600;margin-right:4px}
    .by{color:var(--muted)}
    .links{margin:8px 0 0;padding-left:20px;font-size:.92rem}
    .sides{display:grid;gap:18px}
    .side-group h3{margin-top:0}
    .person{border:1px solid var(--line);border-radius:12px;padding:12px 14px}
    .person h4{font-size:1rem}
    .person .role,.person .decides{font-size:.88rem;color:var(--muted);margin:2px 0 0}
    .person .contact{font-size:.88rem;margin:6px 0 0;overflow-wrap:anywhere}
    .tbd{font-weight:500;font-size:.8rem;color:var(--warn);margin-left:4px}
    .docs ul{margin:0;padding-left:20px}
    .docs li{margin:4px 0}
    .kind{display:inline-block;font-size:.72rem;font-weight:600;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);min-width:9em}
    .story{line-height:1.6}
    .story h3{text-transform:none;letter-spacing:0;color:var(--ink);font-size:1.1rem;margin:20px 0 8px}
    .story h4{margin:16px 0 6px}
    .story table{border-collapse:collapse;margin:10px 0;display:block;overflow-x:auto}
    .story th,.story td{border:1px solid var(--line);padding:6px 10px;text-align:left}
    .story ul,.story ol{padding-left:22px}
    .task{font-weight:600;color:var(--muted)}.task.done{color:var(--good)}
    .internal-banner{background:var(--internal);color:#fff;padding:10px 20px;text-align:center;font-size:.95rem;position:sticky;top:0;z-index:1}
    .internal-banner code{color:#fff}
    .internal-section{border:2px dashed var(--internal);border-radius:10px;padding:4px 14px 10px;margin:12px 0}
    section.internal-section{padding:22px 24px}
    .tag{display:inline-block;background:var(--internal);color:#fff;font-size:.7rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;padding:1px 7px;border-radius:5px;margin:8px 0 4px}
    .internal-note{border-left:3px solid var(--internal);padding:2px 0 2px 10px;margin-top:10px;font-size:.92rem}
    .internal-note .tag{margin:0 6px 0 0}
    dl.deal-info{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}
    dl.deal-info dt{font-weight:600;color:var(--muted)}
    dl.deal-info dd{margin:0}
    dl.deal-info ul{margin:0;padding-left:18px}
    table.index{width:100%;border-collapse:collapse;font-size:.95rem}
    table.index th{text-align:left;font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);padding:8px 12px;border-bottom:1px solid var(--line)}
    table.index td{padding:12px;border-bottom:1px solid var(--line);vertical-align:top}
    table.index td:nth-child(2){white-space:nowrap}
    table.index a{font-weight:600}
    .small{color:var(--muted);font-size:.85rem}
    footer{max-width:960px;margin:0 auto;padding:8px 20px 40px;color:var(--muted);font-size:.8rem}
    @media (min-width:720px){.sides{grid-template-columns:1fr 1fr}.side-group:nth-child(3){grid-column:1/-1}}
    @media (max-width:600px){main{padding:0 12px 24px}.masthead{padding:24px 12px 4px}section{padding:16px;border-radius:12px}h1{font-size:1.55rem}.constraints .when{display:block}}
    @media print{
    body{background:#fff;font-size:11pt}
    main,.masthead,footer{max-width:none;padding-left:0;padding-right:0}
    section{border:none;padding:0;margin:0 0 14pt}
    .scroll{overflow:visible}
    .scroll.from-end{direction:ltr}
    .scroll-hint,.scroll-wrap::after{display:none!important}
    svg.timeline,svg.trend{min-width:0;width:100%}
    .internal-banner{position:static}
    .milestone,.keydate,.person,.nextlist>li,.objectives>li,tr{break-inside:avoid;page-break-inside:avoid}
    h2,h3,h4{break-after:avoid;page-break-after:avoid}
    a{color:var(--ink)}
    }

    """
}
