import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{j as a,k as b,l as c,m as d,n as e}from"./chunk-G23L7AMU.js";import"./chunk-EQ6YIPYX.js";import"./chunk-MXU5WMOO.js";import"./chunk-QRSBEBEY.js";import"./chunk-VCWCSDHI.js";import"./chunk-CJYHF5XF.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
