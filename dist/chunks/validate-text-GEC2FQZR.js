import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as r,b as e,e as i}from"./chunk-GNWA2UKK.js";import{a as o}from"./chunk-GH7CPE44.js";import"./chunk-7QM4DRA5.js";import"./chunk-MXU5WMOO.js";import"./chunk-CJYHF5XF.js";function u(a,s,m={}){return i(a,s,{json:r,yaml:t=>e(t)??o(t)},m)}export{u as validateText};
