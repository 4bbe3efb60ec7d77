import { strict as assert } from "node:assert";
import fc from "fast-check";
import { dailyOverlapsWeekly, dailySpans, minutes, spansOverlap, weeklySpan } from "./windows";

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const day = fc.constantFrom("mon", "tue", "wed", "thu", "fri", "sat", "sun");

describe("backup and maintenance windows", () => {
  it("measure daily and weekly windows, including windows that cross midnight or the week's end", () => {
    assert.equal(minutes(dailySpans("03:00-04:00")[0]), 60);
    assert.equal(minutes(dailySpans("23:30-00:15")[6]), 45);
    assert.equal(minutes(weeklySpan("sun:23:00-mon:01:00")), 120);
    assert.equal(minutes(weeklySpan("mon:04:30-mon:05:30")), 60);
  });

  it("detect a daily backup window that overlaps the weekly maintenance window, as RDS and ElastiCache do", () => {
    assert.equal(dailyOverlapsWeekly("03:00-04:00", "sun:04:30-sun:05:30"), false);
    assert.equal(dailyOverlapsWeekly("03:00-04:00", "wed:03:30-wed:04:30"), true);
    assert.equal(dailyOverlapsWeekly("23:30-00:30", "mon:00:00-mon:01:00"), true, "Sunday's backup runs into Monday");
    assert.equal(dailyOverlapsWeekly("23:30-00:30", "sun:23:00-mon:00:10"), true, "maintenance wraps the week");
  });

  it("overlap is symmetric and every window overlaps itself (property)", () => {
    fc.assert(
      fc.property(day, hhmm, day, hhmm, hhmm, hhmm, (d1, t1, d2, t2, a, b) => {
        fc.pre(a !== b && !(d1 === d2 && t1 === t2));
        const w = weeklySpan(`${d1}:${t1}-${d2}:${t2}`);
        for (const d of dailySpans(`${a}-${b}`)) {
          assert.equal(spansOverlap(d, w), spansOverlap(w, d));
          assert.equal(spansOverlap(d, d), true);
        }
      }),
    );
  });

  it("a daily window always occurs seven times, a day apart (property)", () => {
    fc.assert(
      fc.property(hhmm, hhmm, (a, b) => {
        fc.pre(a !== b);
        const spans = dailySpans(`${a}-${b}`);
        assert.equal(spans.length, 7);
        spans.slice(1).forEach((s, i) => assert.equal(s.start - spans[i].start, 24 * 60));
      }),
    );
  });

  it("reject text that is not a window", () => {
    assert.throws(() => dailySpans("3:00-4:00"), /not a daily window/);
    assert.throws(() => weeklySpan("sunday:04:00-sunday:05:00"), /not a weekly window/);
  });
});
