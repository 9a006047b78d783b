import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{g as a,h as b,i as c,j as d,k as e}from"./chunk-IMUT55KO.js";import"./chunk-GMRLKC5B.js";import"./chunk-LS72IWQJ.js";import"./chunk-5N6DWNHC.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
