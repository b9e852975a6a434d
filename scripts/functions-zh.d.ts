// Types for scripts/functions-zh.js (used by the tests).
export interface ZhFunction {
  name: string;
  description: string;
  params: Record<string, string>;
}
export interface ZhTags {
  byId: Record<string, ZhFunction>;
  errors: string[];
}
export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
  [key: string]: unknown;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result?: { type?: string; dimensionality?: string };
  [key: string]: unknown;
}
export interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}
export function readZhTags(sourceText: string, fileName?: string): ZhTags;
export function localizeMetadata(metadata: Metadata, byId: Record<string, ZhFunction>): { metadata: Metadata; errors: string[] };
export function buildZhMetadata(englishJson: string, sourceText: string, fileName?: string): { json: string; errors: string[] };
export class FunctionsZhPlugin {
  constructor(options: { input: string; englishAsset?: string; output?: string });
  apply(compiler: unknown): void;
}
