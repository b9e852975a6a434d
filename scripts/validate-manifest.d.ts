// Types for scripts/validate-manifest.js (used by the tests).
export interface ManifestElement {
  name: string;
  attrs: Record<string, string>;
  parents: string[];
  parent?: ManifestElement;
  line: number;
  children: ManifestElement[];
}
export function parseElements(xml: string): { elements: ManifestElement[]; text: string };
export function checkManifest(xml: string, options?: { distDir?: string }): string[];
export function xmllintAvailable(): boolean;
export function runXmllint(manifestPath?: string, schemaPath?: string): { ok: boolean; status: number | null; output: string };
export const DEFAULT_SCHEMA: string;
export const DEFAULT_MANIFEST: string;
