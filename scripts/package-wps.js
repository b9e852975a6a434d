#!/usr/bin/env node
// npm run package:wps — the offline package of the WPS add-in, from the WPS build (dist-wps/), into
// wps-package/ (README "WPS 表格 → Installing without internet"):
//
//   assess_<version>/     the add-in root (ribbon.xml, manifest.xml, functions.json, index.html, main.js,
//                         taskpane.html …): the folder WPS loads. Source maps are left out.
//   assess.7z             that folder as the offline package WPS installs from a jsplugins.xml entry
//                         (wpsjs build "离线插件" makes the same: one <name>_<version> folder in a .7z).
//   publish.xml           the per-user add-in list: with assess_<version>/ beside it in the user's jsaddons
//                         folder, WPS loads the add-in for that user.
//   jsplugins.xml.template  the list oem.ini's [Server] JSPluginsServer points at, for every user of the
//                         machine; {{PACKAGE_URL}} is the file:/// (or intranet http) URL of assess.7z.
//   install-all-users.sh  a 信创 Linux desktop: copies the package to /opt/assess, writes jsplugins.xml
//                         and sets oem.ini (root; paths overridable for tests).
//   INSTALL.txt           the steps, in short.
// Exit 2 with one line on stderr when dist-wps/ is missing or no 7-Zip is installed.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { ADDIN_NAME, publishXml, jspluginsXml } = require("./wps-addin");

const ROOT = path.resolve(__dirname, "..");

function fail(message) {
  process.stderr.write(`package:wps: ${message}\n`);
  process.exit(2);
}

/** The 7-Zip command on this machine (7zz from Debian's 7zip, 7z / 7za from p7zip). */
function sevenZip() {
  for (const cmd of ["7zz", "7z", "7za"]) {
    const r = spawnSync(cmd, ["i"], { stdio: "ignore" });
    if (!r.error) return cmd;
  }
  return null;
}

function copyDir(from, to, keep) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b, keep);
    else if (keep(entry.name)) fs.copyFileSync(a, b);
  }
}

const LINUX_SCRIPT = `#!/bin/sh
# Installs the ASSESS WPS add-in for every user of this machine (run as root from the unpacked package).
# ASSESS_PREFIX (default /opt/assess) and WPS_OEM_INI (default: the first oem.ini found below) override
# the paths. WPS reads oem.ini when it starts: run "quickstartoffice restart" (or log out) afterwards.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=\${ASSESS_PREFIX:-/opt/assess}
oem=\${WPS_OEM_INI:-}
if [ -z "$oem" ]; then
  for f in /opt/kingsoft/wps-office/office6/cfgs/oem.ini /opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini; do
    if [ -f "$f" ]; then oem=$f; break; fi
  done
fi
[ -n "$oem" ] && [ -f "$oem" ] || { echo "oem.ini not found: set WPS_OEM_INI to WPS's office6/cfgs/oem.ini" >&2; exit 2; }
mkdir -p "$prefix"
cp "$here/${ADDIN_NAME}.7z" "$prefix/${ADDIN_NAME}.7z"
sed "s#{{PACKAGE_URL}}#file://$prefix/${ADDIN_NAME}.7z#" "$here/jsplugins.xml.template" > "$prefix/jsplugins.xml"
chmod 0644 "$prefix/${ADDIN_NAME}.7z" "$prefix/jsplugins.xml"
cp "$oem" "$oem.before-assess"
# [Support] JsApiPlugin=true and [Server] JSPluginsServer=<prefix>/jsplugins.xml, other keys kept.
awk -v server="$prefix/jsplugins.xml" '
  function flush() {
    if (section == "support" && !plugin) print "JsApiPlugin=true";
    if (section == "server" && !listed) print "JSPluginsServer=" server;
  }
  /^[ \\t]*\\[/ {
    flush();
    name = tolower($0); gsub(/[][ \\t\\r]/, "", name);
    section = name; if (section == "support") hasSupport = 1; if (section == "server") hasServer = 1;
    plugin = 0; listed = 0; print; next
  }
  section == "support" && tolower($0) ~ /^[ \\t]*jsapiplugin[ \\t]*=/ { print "JsApiPlugin=true"; plugin = 1; next }
  section == "server" && tolower($0) ~ /^[ \\t]*jspluginsserver[ \\t]*=/ { print "JSPluginsServer=" server; listed = 1; next }
  { print }
  END {
    flush();
    if (!hasSupport) { print "[Support]"; print "JsApiPlugin=true" }
    if (!hasServer) { print "[Server]"; print "JSPluginsServer=" server }
  }
' "$oem.before-assess" > "$oem"
echo "ASSESS installed in $prefix; $oem now lists $prefix/jsplugins.xml (the old one is $oem.before-assess)."
`;

function installText(version) {
  return [
    `考核助手 ASSESS — WPS 表格加载项 ${version}（离线安装包）`,
    ``,
    `所有用户（信创 Linux，root）：sh install-all-users.sh，然后 quickstartoffice restart。`,
    `所有用户（Windows，管理员）：把 ${ADDIN_NAME}.7z 复制到 C:\\ProgramData\\ASSESS\\；由 jsplugins.xml.template 生成`,
    `  C:\\ProgramData\\ASSESS\\jsplugins.xml（{{PACKAGE_URL}} 换成 file:///C:/ProgramData/ASSESS/${ADDIN_NAME}.7z）；`,
    `  在 WPS 安装目录 office6\\cfgs\\oem.ini 中设置 [Support] JsApiPlugin=true 和`,
    `  [Server] JSPluginsServer=C:\\ProgramData\\ASSESS\\jsplugins.xml，重启 WPS。`,
    `单个用户：把 ${ADDIN_NAME}_${version} 文件夹和 publish.xml 复制到 %APPDATA%\\kingsoft\\wps\\jsaddons\\`,
    `  （Linux：~/.local/share/Kingsoft/wps/jsaddons/），重启 WPS。`,
    `检查：打开 WPS 表格，功能区出现“考核助手”选项卡；单元格输入 =ASSESS.COMPOSITE(92,88,90,85,95) 得 91（WPS 12.1.0.20540 及以上）。`,
    `详见项目 README 的“WPS 表格”一节。`,
    ``,
  ].join("\n");
}

function main() {
  const version = require(path.join(ROOT, "package.json")).version;
  const dist = path.join(ROOT, process.env.ASSESS_WPS_DIST || "dist-wps");
  const out = path.join(ROOT, process.env.ASSESS_WPS_PACKAGE || "wps-package");
  if (!fs.existsSync(path.join(dist, "ribbon.xml"))) fail(`${path.relative(ROOT, dist)}/ribbon.xml is missing: run npm run build:wps first`);
  const zip = sevenZip();
  if (!zip) fail("no 7-Zip found (7zz, 7z or 7za): apt-get install 7zip");
  fs.rmSync(out, { recursive: true, force: true });
  const folder = `${ADDIN_NAME}_${version}`;
  copyDir(dist, path.join(out, folder), (name) => !name.endsWith(".map"));
  const archive = path.join(out, `${ADDIN_NAME}.7z`);
  const r = spawnSync(zip, ["a", "-t7z", "-bso0", "-bsp0", archive, folder], { cwd: out, encoding: "utf8" });
  if (r.status !== 0) fail(`${zip} failed: ${(r.stderr || r.stdout || "").trim()}`);
  fs.writeFileSync(path.join(out, "publish.xml"), publishXml({ version }));
  fs.writeFileSync(path.join(out, "jsplugins.xml.template"), jspluginsXml({ version, url: "{{PACKAGE_URL}}" }));
  fs.writeFileSync(path.join(out, "install-all-users.sh"), LINUX_SCRIPT, { mode: 0o755 });
  fs.writeFileSync(path.join(out, "INSTALL.txt"), installText(version));
  process.stdout.write(`package:wps: ${path.relative(ROOT, out)}/ (${folder}/, ${ADDIN_NAME}.7z, publish.xml, jsplugins.xml.template, install-all-users.sh, INSTALL.txt)\n`);
}

if (require.main === module) main();
module.exports = { LINUX_SCRIPT, installText };
