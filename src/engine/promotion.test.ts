import { computeAnnual } from "./annual";
import { priorityPromotion } from "./promotion";
import { defaultPolicy } from "./policy";
import { annualTable, cadre, scoresFor } from "../../test/support/annual-table";

const policy = defaultPolicy();

describe("priority promotion (POLICY.md §6)", () => {
  test("the top leader of a unit whose team is 优秀 is flagged; others are not", () => {
    const team = (id: string, unit: string, c: number) => cadre(id, { subject: "班子", name: `${unit}领导班子`, unit, ...scoresFor(c) });
    const out = computeAnnual(
      annualTable([
        team("T1", "区财政局", 95),
        team("T2", "区教育局", 80),
        team("T3", "区委办", 96),
        team("T4", "区政府办", 94), // 5 teams: one 优秀 place, so T1 and T4 are held back
        team("T5", "区发改局", 70),
        cadre("C1", { unit: "区财政局", topLeader: "是", ...scoresFor(85) }),
        cadre("C2", { unit: "区财政局", topLeader: "否", ...scoresFor(95) }),
        cadre("C3", { unit: "区教育局", topLeader: "是", ...scoresFor(95) }),
        cadre("C4", { unit: "区政府办", topLeader: "是", ...scoresFor(95) }),
      ]),
      policy,
    );
    const grades = Object.fromEntries(out.rows.map((r) => [r.id, r.grade]));
    expect([grades.T1, grades.T3, grades.T4]).toEqual(["良好", "优秀", "良好"]);
    expect(priorityPromotion(out.results)).toEqual({ flags: [], unitsWithoutTopLeader: ["区委办"] });
    const single = computeAnnual(
      annualTable([team("T1", "区财政局", 95), cadre("C1", { unit: "区财政局", topLeader: "是", ...scoresFor(85) }), cadre("C2", { unit: "区财政局", ...scoresFor(95) })]),
      policy,
    );
    const p = priorityPromotion(single.results);
    expect(p.flags).toEqual([{ row: 3, id: "C1", name: "干部C1", unit: "区财政局", grade: "称职", teamRow: 2 }]);
    expect(p.unitsWithoutTopLeader).toEqual([]);
  });
});
