import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{j as a,k as b,l as c,m as d,n as e}from"./chunk-Y3RG7D4F.js";import"./chunk-G3ZA6C3M.js";import"./chunk-N67YT6TR.js";import"./chunk-MXU5WMOO.js";import"./chunk-RZQZFQMD.js";import"./chunk-CJYHF5XF.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
