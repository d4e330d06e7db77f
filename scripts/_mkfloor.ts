import { writeFloorProject } from './bench/floor-project.ts';
console.log(await writeFloorProject(process.argv[2]!, process.argv[3]!, process.cwd()));
