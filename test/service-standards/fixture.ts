import { minimalSubmission } from "../helpers/minimal.js";

/**
 * The minimal submission with four service standards whose gaps are worked out by hand in
 * gaps.test.ts: a monthly one on 1.1.1, a quarterly one (at-most) on 2.1.1, a yearly one on
 * 2.1.2, and a monthly one on 1.1.2 that misses and then stops reporting.
 */
export function serviceStandardsSubmission(): Record<string, string> {
  return {
    ...minimalSubmission(),
    "service-standards/monthly.yaml": `id: SS-M
title: We answer calls within a minute
owner: ann
sections: [library]
elements: ["1.1.1"]
target: { value: 90, unit: percent, direction: at-least }
period: month
results:
  - { period: "2026-12", value: 95 }
  - { period: "2026-10", value: 90 }
  - { period: "2026-11", value: 89.9 }
`,
    "service-standards/quarterly.yaml": `id: SS-Q
title: We fix faults within 3 days
elements: ["2.1.1"]
target: { value: 3, unit: days, direction: at-most }
period: quarter
results:
  - { period: "2026-Q2", value: 3 }
  - { period: "2026-Q3", value: 3.5 }
`,
    "service-standards/yearly.yaml": `id: SS-Y
title: We hold at least 80 customer events a year
elements: ["2.1.2"]
target: { value: 80, unit: count, direction: at-least }
period: year
results:
  - { period: "2025", value: 70 }
`,
    "service-standards/lapsed.yaml": `id: SS-L
title: We reply to letters within 5 days
elements: ["1.1.2"]
target: { value: 95, unit: percent, direction: at-least }
period: month
results:
  - { period: "2026-11", value: 80 }
`,
  };
}
