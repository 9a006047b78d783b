import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{g as a,h as b,i as c,j as d,k as e}from"./chunk-KIAQ3AVC.js";import"./chunk-YWRMHZPD.js";import"./chunk-MXU5WMOO.js";import"./chunk-P7KU3OQI.js";import"./chunk-5N6DWNHC.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
