import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{i as o,j as t}from"./chunk-ANNUWXCT.js";import{c as e}from"./chunk-FIXODVKM.js";async function d(i,n){if(/^[a-f0-9]{24}$/.test(i))return[i];let s=await o([i],{disabledRules:[],strict:!1},n);if(s.hasErrors)throw t(s.diagnostics,n),new e(`'${i}' is neither an agent id (24 lowercase hex) nor a valid metrics file`);let r=[...new Set(s.files.flatMap(a=>a.agentIds))];if(r.length===0)throw new e(`'${i}' names no agent`);return r}export{d as a};
