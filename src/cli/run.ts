// The ES module bundle's entry point (dist/lectern.js), which bin/lectern.js imports when no
// start-up snapshot is used.
import {startCli} from './start.js';

await startCli();
