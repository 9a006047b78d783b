import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{j as a,k as b,l as c,m as d,n as e}from"./chunk-WT6VHBYC.js";import"./chunk-U7UTKBP3.js";import"./chunk-N67YT6TR.js";import"./chunk-MOE3TLMJ.js";import"./chunk-7QM4DRA5.js";import"./chunk-MXU5WMOO.js";import"./chunk-CJYHF5XF.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
