#!/usr/bin/env node
// The bundled CLI (built by `npm install` via the prepare script). One file, so start-up
// pays for one module read instead of hundreds.
import '../dist/lectern.js';
