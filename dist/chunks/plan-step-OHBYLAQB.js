import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{k as a,l as b,m as c,n as d,o as e}from"./chunk-JSKS3TLT.js";import"./chunk-U7UTKBP3.js";import"./chunk-N67YT6TR.js";import"./chunk-MOE3TLMJ.js";import"./chunk-C5RNJ4M6.js";import"./chunk-MXU5WMOO.js";import"./chunk-CJYHF5XF.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
