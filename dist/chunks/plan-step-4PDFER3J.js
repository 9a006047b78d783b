import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{j as a,k as b,l as c,m as d,n as e}from"./chunk-O6N3AYSR.js";import"./chunk-E5FH3HMI.js";import"./chunk-MXU5WMOO.js";import"./chunk-GWN7HD4D.js";import"./chunk-VB6BSSD5.js";import"./chunk-2P6ENX4W.js";export{a as commentScope,c as createAtomsClient,d as createGitHubClient,e as runPlanStep,b as runUrl};
