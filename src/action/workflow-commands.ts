/** The runner's workflow commands on standard output (`::error file=…::message`, `::add-mask::`), as @actions/core writes them. */
import { EOL } from './eol.js';

/** Where an annotation points; the names of @actions/core's AnnotationProperties. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** The commands the validate path issues; every other mode still uses @actions/core, which writes the same lines. */
export interface WorkflowCommands {
  info(message: string): void;
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  /** An error annotation, and the run's exit code 1. */
  setFailed(message: string): void;
  /** Asks the runner to mask `secret` in the log. */
  setSecret(secret: string): void;
}

/** A command's message, escaped as @actions/core escapes it. */
export const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A command's property value, escaped as @actions/core escapes it. */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::name key=value,…::message`, with @actions/core's escaping, property names and order (empty values left out). */
export function formatCommand(name: string, properties: AnnotationProperties, message: string): string {
  const wire: [string, string | number | undefined][] = [
    ['title', properties.title],
    ['file', properties.file],
    ['line', properties.startLine],
    ['endLine', properties.endLine],
    ['col', properties.startColumn],
    ['endColumn', properties.endColumn],
  ];
  const shown = wire
    .filter(([, value]) => value !== undefined && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${name}${shown.length > 0 ? ` ${shown.join(',')}` : ''}::${escapeData(message)}`;
}

/** Workflow commands written through `write` (one call per line). */
export function createWorkflowCommands(write: (text: string) => void): WorkflowCommands {
  const issue = (name: string, message: string, properties: AnnotationProperties = {}) =>
    write(`${formatCommand(name, properties, message)}${EOL}`);
  return {
    info: (message) => write(`${message}${EOL}`),
    error: (message, properties) => issue('error', message, properties),
    warning: (message, properties) => issue('warning', message, properties),
    setFailed: (message) => {
      process.exitCode = 1;
      issue('error', message);
    },
    setSecret: (secret) => issue('add-mask', secret),
  };
}
