import MapcModel

/// Which days are working days for one milestone: every day except weekend days, holidays and
/// closed ranges (the blackouts that apply to the milestone, see ``PlanCalendar``).
///
/// The arithmetic follows Excel's WORKDAY (the brief's "Scheduling" contract) and never steps
/// day by day: the working days up to a date are counted in closed form (whole weeks times the
/// working days per week, plus the part week, minus the working weekdays inside the sorted,
/// merged non-working ranges, found by binary search). A count of business days is therefore
/// O(log r) for r holidays and ranges, and WORKDAY O(log(span) · log r), whatever the distance.
///
/// Counts and dates come from plans, so every operation is bounded: results more than
/// ``maximumSpanDays`` calendar days from the start, or outside the years 1 to 9999, are nil.
public struct WorkingCalendar: Sendable, Hashable {
  /// The largest distance, in calendar days, between the dates of one computation (100 years).
  public static let maximumSpanDays = 36_525

  /// The default weekend: Saturday and Sunday.
  public static let defaultWeekend: Set<Weekday> = [.sat, .sun]

  /// Non-working days of every week.
  public let weekend: Set<Weekday>
  /// Non-working dates, sorted, without repeats.
  public let holidays: [CalendarDate]
  /// Non-working ranges (`from`...`to`, inclusive), as given.
  public let closedRanges: [ClosedRange<CalendarDate>]

  /// `working[r]`: whether weekday `r` (0 = Monday) is a working day.
  private let working: [Bool]
  /// `weekPrefix[k]`: working weekdays among Monday-based offsets `0..<k`.
  private let weekPrefix: [Int]
  private let workingPerWeek: Int
  /// The holidays and closed ranges as disjoint, sorted, merged day-number ranges.
  private let starts: [Int]
  private let ends: [Int]
  /// `before[i]`: working weekdays inside the ranges before range `i`.
  private let before: [Int]

  /// A calendar with these weekend days, holidays and closed ranges.
  public init(
    weekend: Set<Weekday> = WorkingCalendar.defaultWeekend, holidays: [CalendarDate] = [],
    closedRanges: [ClosedRange<CalendarDate>] = []
  ) {
    self.weekend = weekend
    self.holidays = Array(Set(holidays)).sorted()
    self.closedRanges = closedRanges
    working = Weekday.allCases.map { !weekend.contains($0) }
    var prefix = [0]
    for w in working { prefix.append(prefix[prefix.count - 1] + (w ? 1 : 0)) }
    weekPrefix = prefix
    workingPerWeek = prefix[7]

    var ranges = self.holidays.map { ($0.daysSince1970, $0.daysSince1970) }
    ranges += closedRanges.map { ($0.lowerBound.daysSince1970, $0.upperBound.daysSince1970) }
    ranges.sort { $0.0 < $1.0 }
    var s: [Int] = []
    var e: [Int] = []
    for (lo, hi) in ranges {
      // Adjacent ranges merge too, so that a day belongs to exactly one range.
      if let last = e.last, lo <= last + 1 {
        e[e.count - 1] = max(last, hi)
      } else {
        s.append(lo)
        e.append(hi)
      }
    }
    starts = s
    ends = e
    var counts: [Int] = []
    counts.reserveCapacity(s.count)
    var total = 0
    for i in s.indices {
      counts.append(total)
      total += Self.weekdays(through: e[i], prefix: prefix) - Self.weekdays(through: s[i] - 1, prefix: prefix)
    }
    before = counts
  }

  /// Whether `date` is a working day.
  public func isWorkingDay(_ date: CalendarDate) -> Bool {
    let day = date.daysSince1970
    guard working[date.weekday.number] else { return false }
    let j = rangesStarting(atOrBefore: day)
    return j == 0 || ends[j - 1] < day
  }

  /// Excel's WORKDAY(`date`, `count`): the `count`-th working day after `date` (`count` > 0)
  /// or before it (`count` < 0), `date` itself not counted; `date` unchanged for 0, even on a
  /// non-working day. Nil when the result lies more than ``maximumSpanDays`` away or outside
  /// the years 1 to 9999 (including when the calendar has no working day at all).
  public func workday(from date: CalendarDate, _ count: Int) -> CalendarDate? {
    if count == 0 { return date }
    guard count.magnitude <= UInt(Self.maximumSpanDays) else { return nil }
    let d = date.daysSince1970
    let found: Int?
    if count > 0 {
      found = firstDay(in: (d + 1)...(d + Self.maximumSpanDays), reaching: workingDays(through: d) + count)
    } else {
      // The k-th working day before d is where the running count reaches C(d-1) - k + 1.
      let lo = d - Self.maximumSpanDays
      let target = workingDays(through: d - 1) + count + 1
      found = workingDays(through: lo - 1) >= target ? nil : firstDay(in: lo...(d - 1), reaching: target)
    }
    guard let day = found else { return nil }
    let result = CalendarDate(daysSince1970: day)
    return (1...9999).contains(result.year) ? result : nil
  }

  /// Business days from `a` to `b`: the working days x with a < x ≤ b; when `b` is before
  /// `a`, minus the working days x with b ≤ x < a. So `workday(from: a, businessDays(a, b)) == b`
  /// for every working day `b`, on either side of `a`. Nil when the dates are more than
  /// ``maximumSpanDays`` apart.
  public func businessDays(from a: CalendarDate, to b: CalendarDate) -> Int? {
    let x = a.daysSince1970
    let y = b.daysSince1970
    guard (y - x).magnitude <= UInt(Self.maximumSpanDays) else { return nil }
    if y >= x { return workingDays(through: y) - workingDays(through: x) }
    return -(workingDays(through: x - 1) - workingDays(through: y - 1))
  }

  // MARK: - Counting

  /// Working weekdays (ignoring holidays and ranges) up to and including `day`, counted from
  /// a fixed Monday: only differences of this count mean anything.
  private static func weekdays(through day: Int, prefix: [Int]) -> Int {
    let t = day + 3  // day -3 (1969-12-29) is a Monday
    let q = t >= 0 ? t / 7 : -((-t + 6) / 7)
    let r = t - 7 * q
    return q * prefix[7] + prefix[r + 1]
  }

  /// The number of ranges that start on or before `day`.
  private func rangesStarting(atOrBefore day: Int) -> Int {
    var lo = 0
    var hi = starts.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if starts[mid] <= day { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Working days up to and including `day`, relative to the same fixed origin: C(x). It rises
  /// by one exactly on each working day.
  private func workingDays(through day: Int) -> Int {
    let all = Self.weekdays(through: day, prefix: weekPrefix)
    let j = rangesStarting(atOrBefore: day)
    guard j > 0 else { return all }
    let i = j - 1
    let closed =
      before[i] + Self.weekdays(through: min(ends[i], day), prefix: weekPrefix)
      - Self.weekdays(through: starts[i] - 1, prefix: weekPrefix)
    return all - closed
  }

  /// The first day in `range` on which C reaches `target`, or nil when it does not within it.
  private func firstDay(in range: ClosedRange<Int>, reaching target: Int) -> Int? {
    guard workingPerWeek > 0, workingDays(through: range.upperBound) >= target else { return nil }
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi {
      let mid = lo + (hi - lo) / 2
      if workingDays(through: mid) >= target { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
