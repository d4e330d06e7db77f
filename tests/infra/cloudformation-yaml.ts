/**
 * Reads a CloudFormation template the way CloudFormation does: the short-form
 * tags (!Ref, !Sub, !GetAtt…) become their long JSON forms ({ Ref }, { 'Fn::Sub' }…),
 * so the tests can assert on the same shapes the service sees.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

const functions = [
  'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join',
  'Length', 'Not', 'Or', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform',
] as const;
const kinds = ['scalar', 'sequence', 'mapping'] as const;

const types: yaml.Type[] = [];
for (const kind of kinds) {
  for (const name of functions) {
    types.push(new yaml.Type(`!${name}`, { kind, construct: (data: unknown) => ({ [`Fn::${name}`]: data }) }));
  }
  types.push(new yaml.Type('!Ref', { kind, construct: (data: unknown) => ({ Ref: data }) }));
  types.push(new yaml.Type('!Condition', { kind, construct: (data: unknown) => ({ Condition: data }) }));
  // !GetAtt Resource.Attribute is the short form of ['Resource', 'Attribute'].
  types.push(new yaml.Type('!GetAtt', {
    kind,
    construct: (data: unknown) => ({
      'Fn::GetAtt': typeof data === 'string' ? [data.slice(0, data.indexOf('.')), data.slice(data.indexOf('.') + 1)] : data,
    }),
  }));
}

export const cloudFormationSchema = yaml.DEFAULT_SCHEMA.extend(types);

/** A template resource: its type, properties and the optional Condition. */
export interface Resource {
  Type: string;
  Condition?: string;
  Properties: Record<string, any>;
}

export interface Template {
  Parameters: Record<string, Record<string, any>>;
  Conditions: Record<string, unknown>;
  Rules: Record<string, any>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}

export function parseTemplate(text: string): Template {
  return yaml.load(text, { schema: cloudFormationSchema }) as Template;
}

export const templatePath = new URL('../../infra/nisshi-site.yaml', import.meta.url);
export const functionPath = new URL('../../infra/cloudfront-function/directory-index.js', import.meta.url);

export function loadTemplate(): Template {
  return parseTemplate(readFileSync(templatePath, 'utf8'));
}

/** The one resource of a type; failing loudly when there are none or several keeps the tests honest. */
export function only(template: Template, type: string): [string, Resource] {
  const found = Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}
