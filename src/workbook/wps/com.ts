// The one small layer between the WPS adapter and WPS's object model (window.Application: ET's
// synchronous, VBA-like API). Every member the adapter reads, writes or calls goes through here, so
// that the differences between WPS builds are absorbed in one place:
// - a zero-argument member is a property in some builds and a method in others (ActiveWorkbook,
//   UsedRange, Count, Interior …; tmustier/pi-for-excel docs/wps-support.md): `get` reads either;
// - members WPS's typings declare as methods (Address, Item, Range, Comment.Text …) are called with
//   `call`, which also reads a property of that name when a build exposes one and no argument is given;
// - a missing member or a host exception becomes a WpsCallError naming the member, which the adapter
//   turns into one sentence for the user.
// Nothing else in src/ touches WPS objects directly (src/wps/ uses this layer too).
import { cellText } from "../../engine/values";

/** A WPS object: an opaque host object whose members are reached only through this module. */
export type WpsObject = { readonly __wps?: never } & object;

/** A call into WPS failed: which member, and WPS's own message. */
export class WpsCallError extends Error {
  constructor(
    readonly member: string,
    readonly hostMessage: string,
  ) {
    super(`${member}: ${hostMessage}`);
    this.name = "WpsCallError";
  }
}

function hostMessage(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e).message);
  return String(e);
}

function raw(o: WpsObject, name: string): unknown {
  try {
    return (o as Record<string, unknown>)[name];
  } catch (e) {
    throw new WpsCallError(name, hostMessage(e));
  }
}

/** A member's value, whether this build exposes it as a property or as a zero-argument method. */
export function get(o: WpsObject, name: string): unknown {
  const v = raw(o, name);
  if (typeof v !== "function") return v;
  try {
    return (v as () => unknown).call(o);
  } catch (e) {
    throw new WpsCallError(name, hostMessage(e));
  }
}

/** Call a method; a build that exposes the member as a property answers with the property when no argument is given. */
export function call(o: WpsObject, name: string, ...args: unknown[]): unknown {
  const v = raw(o, name);
  if (typeof v !== "function") {
    if (args.length === 0 && v !== undefined) return v;
    throw new WpsCallError(name, "not a method in this WPS version");
  }
  try {
    return (v as (...a: unknown[]) => unknown).apply(o, args);
  } catch (e) {
    throw new WpsCallError(name, hostMessage(e));
  }
}

/** Assign a property (Value2, NumberFormat, Interior.Color, Name, Visible …). */
export function put(o: WpsObject, name: string, value: unknown): void {
  try {
    (o as Record<string, unknown>)[name] = value;
  } catch (e) {
    throw new WpsCallError(`${name}=`, hostMessage(e));
  }
}

/** A member that must be an object (a Range, a Worksheet, a collection). */
export function obj(o: WpsObject, name: string): WpsObject {
  const v = get(o, name);
  if (v === null || v === undefined || (typeof v !== "object" && typeof v !== "function")) throw new WpsCallError(name, "no such object");
  return v;
}

/** A member that may be absent (Range.Comment on a cell without one, HeaderRowRange of a table without headers). */
export function objOrNull(o: WpsObject, name: string): WpsObject | null {
  const v = get(o, name);
  return v === null || v === undefined || (typeof v !== "object" && typeof v !== "function") ? null : (v);
}

export function num(o: WpsObject, name: string): number {
  const v = get(o, name);
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) throw new WpsCallError(name, `not a number (${String(v)})`);
  return n;
}

export function str(o: WpsObject, name: string): string {
  const v = get(o, name);
  return cellText(v);
}

export function bool(o: WpsObject, name: string): boolean {
  return get(o, name) === true;
}

/** Item(key) of a 1-based collection (Worksheets, ListObjects, Comments, ListColumns). */
export function item(collection: WpsObject, key: string | number): WpsObject {
  const v = call(collection, "Item", key);
  if (v === null || v === undefined || typeof v !== "object") throw new WpsCallError("Item", `no item ${String(key)}`);
  return v;
}

/** Every item of a 1-based collection, in order. */
export function items(collection: WpsObject): WpsObject[] {
  const n = num(collection, "Count");
  const out: WpsObject[] = [];
  for (let i = 1; i <= n; i++) out.push(item(collection, i));
  return out;
}

/** The host's Application: window.Application, else the deprecated wps.EtApplication(). null outside WPS. */
export function wpsApplication(scope: object = globalThis): WpsObject | null {
  const g = scope as { Application?: unknown; wps?: unknown };
  const isHost = (v: unknown) => v !== null && typeof v === "object" && ("ActiveWorkbook" in (v) || "Worksheets" in (v));
  if (isHost(g.Application)) return g.Application;
  const w = g.wps;
  if (w && typeof w === "object") {
    if (isHost(w)) return w;
    const legacy = (w as { EtApplication?: unknown }).EtApplication;
    if (typeof legacy === "function") {
      try {
        const app = (legacy as () => unknown).call(w);
        if (isHost(app)) return app;
      } catch {
        // some builds expose a throwing accessor: not this host
      }
    }
  }
  return null;
}
