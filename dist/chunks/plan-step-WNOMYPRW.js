import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{g as a,h as b,i as c,j as d,k as e}from"./chunk-SLUTF7TJ.js";import"./chunk-3JX2A3W4.js";import"./chunk-LS72IWQJ.js";import"./chunk-5N6DWNHC.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
