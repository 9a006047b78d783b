import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a}from"./chunk-JMGF4J46.js";import"./chunk-WA4MU5QT.js";import"./chunk-LEFOVJDF.js";import"./chunk-GS5QDINW.js";import"./chunk-IFTIDDEM.js";import"./chunk-7LWBZ6KG.js";import"./chunk-MHJWITB4.js";export{a as validateText};
