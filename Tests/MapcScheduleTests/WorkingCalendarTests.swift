import MapcModel
import MapcSchedule
import Testing

/// Business-day arithmetic with Excel's WORKDAY semantics.
@Suite struct WorkingCalendarTests {
  static func d(_ s: String) -> CalendarDate { CalendarDate(s)! }
  let standard = WorkingCalendar()

  // MARK: - The issue's vectors

  @Test func issueVectors() {
    let c = standard
    let holiday = WorkingCalendar(holidays: [Self.d("2027-02-15")])
    #expect(c.workday(from: Self.d("2027-03-01"), -10) == Self.d("2027-02-15"))
    #expect(holiday.workday(from: Self.d("2027-03-01"), -10) == Self.d("2027-02-12"))
    #expect(c.workday(from: Self.d("2027-03-01"), -20) == Self.d("2027-02-01"))
    #expect(holiday.workday(from: Self.d("2027-03-01"), -20) == Self.d("2027-01-29"))
    // From a Saturday.
    #expect(c.workday(from: Self.d("2027-02-27"), -1) == Self.d("2027-02-26"))
    #expect(c.workday(from: Self.d("2027-02-27"), 1) == Self.d("2027-03-01"))
    #expect(c.workday(from: Self.d("2027-02-27"), 0) == Self.d("2027-02-27"))
    // Across a year-end blackout.
    #expect(c.workday(from: Self.d("2027-03-01"), -45) == Self.d("2026-12-28"))
    let freeze = WorkingCalendar(closedRanges: [Self.d("2026-12-19")...Self.d("2027-01-04")])
    #expect(freeze.workday(from: Self.d("2027-03-01"), -45) == Self.d("2026-12-11"))
  }

  // MARK: - Own vectors

  @Test func yearBoundaries() {
    // Thursday 2026-12-31 + 1 = Friday 2027-01-01; + 2 = Monday 2027-01-04.
    #expect(standard.workday(from: Self.d("2026-12-31"), 1) == Self.d("2027-01-01"))
    #expect(standard.workday(from: Self.d("2026-12-31"), 2) == Self.d("2027-01-04"))
    #expect(standard.workday(from: Self.d("2027-01-04"), -2) == Self.d("2026-12-31"))
    let newYear = WorkingCalendar(holidays: [Self.d("2027-01-01")])
    #expect(newYear.workday(from: Self.d("2026-12-31"), 1) == Self.d("2027-01-04"))
    #expect(newYear.businessDays(from: Self.d("2026-12-31"), to: Self.d("2027-01-04")) == 1)
  }

  @Test func leapDays() {
    // 2028-02-28 is a Monday; 2028-02-29 exists, a Tuesday.
    #expect(standard.workday(from: Self.d("2028-02-28"), 1) == Self.d("2028-02-29"))
    #expect(standard.workday(from: Self.d("2028-02-28"), 2) == Self.d("2028-03-01"))
    #expect(standard.businessDays(from: Self.d("2028-02-25"), to: Self.d("2028-03-01")) == 3)
    // 2100 is not a leap year: Friday 2100-02-26 + 1 = Monday 2100-03-01.
    #expect(standard.workday(from: Self.d("2100-02-26"), 1) == Self.d("2100-03-01"))
    #expect(standard.workday(from: Self.d("2000-02-28"), 1) == Self.d("2000-02-29"))
  }

  @Test func fridaySaturdayWeekend() {
    let gulf = WorkingCalendar(weekend: [.fri, .sat])
    // Thursday 2027-03-04 + 1 = Sunday 2027-03-07.
    #expect(gulf.workday(from: Self.d("2027-03-04"), 1) == Self.d("2027-03-07"))
    #expect(gulf.workday(from: Self.d("2027-03-07"), -1) == Self.d("2027-03-04"))
    #expect(gulf.isWorkingDay(Self.d("2027-03-07")))
    #expect(!gulf.isWorkingDay(Self.d("2027-03-05")))
    #expect(gulf.businessDays(from: Self.d("2027-03-04"), to: Self.d("2027-03-11")) == 5)
  }

  @Test func holidaysOnWeekendsChangeNothing() {
    let c = WorkingCalendar(holidays: [Self.d("2027-02-27"), Self.d("2027-02-28"), Self.d("2027-02-28")])
    #expect(c.workday(from: Self.d("2027-02-26"), 1) == Self.d("2027-03-01"))
    #expect(c.businessDays(from: Self.d("2027-02-22"), to: Self.d("2027-03-01")) == 5)
    #expect(c.holidays.count == 2)
  }

  @Test func longAndOverlappingBlackouts() {
    // Overlapping and adjacent ranges and a holiday inside one merge into one closed period.
    let c = WorkingCalendar(
      holidays: [Self.d("2027-07-14")],
      closedRanges: [Self.d("2027-07-01")...Self.d("2027-07-31"), Self.d("2027-08-01")...Self.d("2027-08-15"),
        Self.d("2027-07-20")...Self.d("2027-08-02")])
    // Wednesday 2027-06-30 + 1 = Monday 2027-08-16.
    #expect(c.workday(from: Self.d("2027-06-30"), 1) == Self.d("2027-08-16"))
    #expect(c.workday(from: Self.d("2027-08-16"), -1) == Self.d("2027-06-30"))
    #expect(c.businessDays(from: Self.d("2027-06-30"), to: Self.d("2027-08-16")) == 1)
    // A blackout of ten years: the next working day is after it.
    let decade = WorkingCalendar(closedRanges: [Self.d("2027-01-01")...Self.d("2036-12-31")])
    #expect(decade.workday(from: Self.d("2026-12-31"), 1) == Self.d("2037-01-01"))
    #expect(decade.workday(from: Self.d("2037-01-01"), -1) == Self.d("2026-12-31"))
  }

  @Test func businessDaysAreNegativeBackwards() {
    // Monday to the Friday before: the working days x with Fri ≤ x < Mon: just Friday.
    #expect(standard.businessDays(from: Self.d("2027-03-01"), to: Self.d("2027-02-26")) == -1)
    #expect(standard.businessDays(from: Self.d("2027-02-26"), to: Self.d("2027-03-01")) == 1)
    #expect(standard.businessDays(from: Self.d("2027-03-01"), to: Self.d("2027-03-01")) == 0)
    // From a Saturday back to Friday: still one.
    #expect(standard.businessDays(from: Self.d("2027-02-27"), to: Self.d("2027-02-26")) == -1)
    #expect(standard.businessDays(from: Self.d("2027-03-01"), to: Self.d("2027-02-15")) == -10)
  }

  // MARK: - Bounds

  @Test func hugeCountsAndSpansAreNilNotAHang() {
    let start = Self.d("2027-03-01")
    #expect(standard.workday(from: start, Int.max) == nil)
    #expect(standard.workday(from: start, Int.min) == nil)
    #expect(standard.workday(from: start, WorkingCalendar.maximumSpanDays + 1) == nil)
    #expect(standard.workday(from: start, 26_200) == nil)  // about 100.4 years of working days
    #expect(standard.workday(from: start, 26_000) == CalendarDate("2126-10-28"))  // 99.7 years
    #expect(standard.workday(from: start, 20_000) != nil)  // about 80 years
    #expect(standard.businessDays(from: Self.d("0001-01-01"), to: Self.d("9999-12-31")) == nil)
    // Past the year 9999, or before the year 1.
    #expect(standard.workday(from: Self.d("9999-12-30"), 5) == nil)
    #expect(standard.workday(from: Self.d("0001-01-02"), -5) == nil)
    // No working day at all.
    let never = WorkingCalendar(weekend: Set(Weekday.allCases))
    #expect(never.workday(from: start, 1) == nil)
    #expect(never.workday(from: start, -1) == nil)
    #expect(never.workday(from: start, 0) == start)
    #expect(never.businessDays(from: start, to: Self.d("2027-04-01")) == 0)
    // A blackout longer than the span.
    let closed = WorkingCalendar(closedRanges: [Self.d("1900-01-01")...Self.d("2200-01-01")])
    #expect(closed.workday(from: start, 1) == nil)
    #expect(closed.workday(from: start, -1) == nil)
  }

  // MARK: - Against a day-by-day reference

  /// WORKDAY and business days stepped day by day, from the definitions.
  struct Reference {
    var weekend: Set<Weekday>
    var closed: Set<Int>

    func working(_ day: Int) -> Bool {
      !weekend.contains(CalendarDate(daysSince1970: day).weekday) && !closed.contains(day)
    }
    func workday(_ d: Int, _ n: Int) -> Int {
      var day = d
      var left = abs(n)
      while left > 0 {
        day += n > 0 ? 1 : -1
        if working(day) { left -= 1 }
      }
      return day
    }
    func businessDays(_ a: Int, _ b: Int) -> Int {
      if b >= a { return ((a + 1)..<(b + 1)).filter(working).count }
      return -(b..<a).filter(working).count
    }
  }

  @Test(arguments: [
    [Weekday.sat, .sun], [.fri, .sat], [.sun], [], [.mon, .tue, .wed, .thu, .fri, .sat],
  ])
  func agreesWithTheReferenceAndInverts(weekend: [Weekday]) {
    let base = Self.d("2026-12-01").daysSince1970
    // Holidays on working days and weekends, a two-week freeze, a one-day range.
    let holidays = [3, 4, 5, 24, 31, 40].map { CalendarDate(daysSince1970: base + $0) }
    let ranges = [
      CalendarDate(daysSince1970: base + 20)...CalendarDate(daysSince1970: base + 34),
      CalendarDate(daysSince1970: base + 50)...CalendarDate(daysSince1970: base + 50),
    ]
    let calendar = WorkingCalendar(weekend: Set(weekend), holidays: holidays, closedRanges: ranges)
    var closed = Set(holidays.map(\.daysSince1970))
    for r in ranges { for day in r.lowerBound.daysSince1970...r.upperBound.daysSince1970 { closed.insert(day) } }
    let reference = Reference(weekend: Set(weekend), closed: closed)
    for offset in -5...70 {
      let start = base + offset
      let date = CalendarDate(daysSince1970: start)
      #expect(calendar.isWorkingDay(date) == reference.working(start), "\(date)")
      for n in -25...25 {
        let expected = CalendarDate(daysSince1970: reference.workday(start, n))
        #expect(calendar.workday(from: date, n) == expected, "WORKDAY(\(date), \(n))")
      }
      for other in (start - 30)...(start + 30) {
        let b = CalendarDate(daysSince1970: other)
        let days = calendar.businessDays(from: date, to: b)
        #expect(days == reference.businessDays(start, other), "business days \(date) → \(b)")
        if reference.working(other), let days {
          #expect(calendar.workday(from: date, days) == b, "WORKDAY(\(date), businessDays to \(b))")
        }
      }
    }
  }

  @Test func agreesWithTheReferenceWithNoWorkingWeekday() {
    // Only the reference's trivial answers exist: nothing moves but count 0.
    let calendar = WorkingCalendar(weekend: Set(Weekday.allCases))
    #expect(calendar.businessDays(from: Self.d("2027-01-01"), to: Self.d("2026-01-01")) == 0)
  }

  // MARK: - Plan calendars and blackout scopes

  @Test func blackoutsApplyToTheirScopeOnly() {
    let freeze = PlanCalendar.Blackout(
      from: Self.d("2026-12-19"), to: Self.d("2027-01-04"),
      appliesTo: PlanCalendar.Scope(stages: ["implementation"], sides: [.buyer]))
    let everywhere = PlanCalendar.Blackout(from: Self.d("2027-02-15"), to: Self.d("2027-02-15"))
    let plan = PlanCalendar(holidays: [Self.d("2027-01-18")], blackouts: [freeze, everywhere])
    let legal = PlanCalendar.Target(id: "legal-review", stage: "final-agreements", sides: [.buyer, .seller])
    let cutover = PlanCalendar.Target(id: "cutover", stage: "implementation", sides: [.buyer])
    let sellerOnly = PlanCalendar.Target(id: "cutover", stage: "implementation", sides: [.seller])
    #expect(plan.applicableBlackouts(for: legal) == [1])
    #expect(plan.applicableBlackouts(for: cutover) == [0, 1])
    #expect(plan.applicableBlackouts(for: sellerOnly) == [1])
    // The freeze delays the buyer's cutover, not the legal review.
    let start = Self.d("2026-12-18")
    #expect(plan.workingCalendar(for: legal).workday(from: start, 1) == Self.d("2026-12-21"))
    #expect(plan.workingCalendar(for: cutover).workday(from: start, 1) == Self.d("2027-01-05"))
    // Holidays and unscoped blackouts apply to everyone.
    #expect(plan.workingCalendar(for: legal).workday(from: Self.d("2027-01-15"), 1) == Self.d("2027-01-19"))
    #expect(!plan.workingCalendar(for: legal).isWorkingDay(Self.d("2027-02-15")))
    // A scope by milestone id, and a reversed period that closes nothing.
    let byID = PlanCalendar(blackouts: [
      PlanCalendar.Blackout(from: Self.d("2027-03-01"), to: Self.d("2027-03-05"), appliesTo: PlanCalendar.Scope(milestones: ["cutover"])),
      PlanCalendar.Blackout(from: Self.d("2027-04-05"), to: Self.d("2027-04-01")),
    ])
    #expect(byID.applicableBlackouts(for: cutover) == [0])
    #expect(byID.applicableBlackouts(for: legal) == [])
    #expect(byID.workingCalendar(for: legal).isWorkingDay(Self.d("2027-04-02")))
  }

  @Test func weekdays() {
    #expect(Self.d("1970-01-01").weekday == .thu)
    #expect(Self.d("2027-03-01").weekday == .mon)
    #expect(Self.d("1969-12-28").weekday == .sun)
    #expect(Self.d("0001-01-01").weekday == .mon)
    #expect(Self.d("2027-02-27").weekday == .sat)
  }
}
