import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as r,b as e,e as i}from"./chunk-L25BC2YU.js";import{a as o}from"./chunk-TIY3GKAD.js";import"./chunk-C5RNJ4M6.js";import"./chunk-MXU5WMOO.js";import"./chunk-CJYHF5XF.js";function u(a,s,m={}){return i(a,s,{json:r,yaml:t=>e(t)??o(t)},m)}export{u as validateText};
