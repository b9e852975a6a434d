import { addDaysTo, dateToSerial, localToday, parseDate, serialToDate } from "./dates";

describe("the one date codec", () => {
  test("Excel serial days in the 1900 and 1904 systems", () => {
    // 2024-01-01 is serial 45292 in Excel's 1900 system (Excel shows it so), 45292 − 1462 = 43830 in the 1904 system.
    expect(serialToDate(45292).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(serialToDate(43830, true).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1)), true)).toBe(43830);
    // Noon is half a day.
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
    expect(parseDate(45292)).toBe("2024-01-01");
  });

  test("typed dates: ISO, 2024/3/15, 2024年3月15日; no such day is null", () => {
    expect(parseDate("2024/3/15")).toBe("2024-03-15");
    expect(parseDate("2024年3月15日")).toBe("2024-03-15");
    expect(parseDate("2024-02-30")).toBeNull();
    expect(parseDate("明天")).toBeNull();
  });

  test("calendar arithmetic and today", () => {
    expect(addDaysTo("2024-02-28", 2)).toBe("2024-03-01"); // 2024 is a leap year: 02-29 between
    expect(addDaysTo("2023-12-15", 30)).toBe("2024-01-14");
    expect(localToday(new Date(2024, 0, 5, 23, 59))).toBe("2024-01-05"); // the computer's own calendar day
  });
});
