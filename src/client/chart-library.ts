/**
 * The chart.js parts the site's charts use, registered: only these are
 * bundled (tree-shaken). Loaded by draw-charts.ts with a dynamic import when
 * the first chart comes near the screen, so a page's first paint and its
 * first seconds carry none of chart.js.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export { Chart };
