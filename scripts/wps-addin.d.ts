// Types for scripts/wps-addin.js (used by the tests).
export interface RibbonButton {
  id: string;
  verb: string;
  image: string;
}
export const ADDIN_NAME: string;
export const NAMESPACE: string;
export const FUNCTION_NAME: RegExp;
export const RIBBON_BUTTONS: RibbonButton[];
export const RIBBON_CALLBACKS: string[];
export function ribbonXml(): string;
export function manifestXml(options?: { name?: string; description?: string; namespace?: string }): string;
export function wpsType(t: { type?: string; dimensionality?: string } | undefined): string;
export function wpsFunctions(zhMetadata: unknown): { json: { functions: { name: string; description: string; parameters: { name: string; description: string; type: string }[]; result: { type: string } }[] }; errors: string[] };
export function publishXml(options: { name?: string; version: string }): string;
export function jspluginsXml(options: { name?: string; version: string; url: string }): string;
