// `npm run build`: always build the web app (and stamp it, so a following `npm start` does not build again).
import { buildWebApp } from "./web-build";

buildWebApp();
