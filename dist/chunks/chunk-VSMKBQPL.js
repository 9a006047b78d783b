import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{f as o}from"./chunk-BHU5XU4Y.js";import{a as e,f as i}from"./chunk-EWIJSPUL.js";import{a as r}from"./chunk-6KBYZLOK.js";function u(a,s,m={}){return i(a,s,{json:r,yaml:t=>e(t)??o(t)},m)}export{u as a};
