/**
 * Draws the dashboard's charts from the JSON each ChartFigure embeds. Only
 * the chart.js parts used here are registered (chart-library.ts), so the
 * bundle stays small, and they are loaded only when a chart is to be drawn.
 */
import type { Chart, ChartDataset as ChartJsDataset } from 'chart.js';
import type { ChartColor, ChartSpec } from '../components/chart-spec.ts';

type ChartClass = typeof import('./chart-library.ts').Chart;
let library: Promise<ChartClass> | null = null;
const chartClass = (): Promise<ChartClass> => (library ??= import('./chart-library.ts').then(({ Chart }) => Chart));

const colorVariables: Record<ChartColor, string> = {
  accent: '--accent',
  accentSoft: '--accent-soft',
  approx: '--approx',
  muted: '--muted',
  done: '--done',
  overdue: '--overdue',
};

function cssColor(color: ChartColor): string {
  return getComputedStyle(document.documentElement).getPropertyValue(colorVariables[color]).trim() || '#888';
}

/** Diagonal stripes: approximate time must be told apart without relying on colour alone. */
function hatch(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return color;
  context.strokeStyle = color;
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(0, 8);
  context.lineTo(8, 0);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? color;
}

/** Dots: a second pattern (plans done late), told apart from the hatching of approximate values. */
function dots(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 6;
  const context = tile.getContext('2d');
  if (!context) return color;
  context.fillStyle = color;
  context.beginPath();
  context.arc(3, 3, 1.6, 0, Math.PI * 2);
  context.fill();
  return context.createPattern(tile, 'repeat') ?? color;
}

function draw(ChartJs: ChartClass, canvas: HTMLCanvasElement, spec: ChartSpec, reducedMotion: boolean): Chart {
  const fg = getComputedStyle(document.documentElement).getPropertyValue('--fg').trim();
  const grid = getComputedStyle(document.documentElement).getPropertyValue('--border').trim();
  const datasets = spec.datasets.map((dataset): ChartJsDataset<'bar' | 'line', Array<number | null>> => {
    const color = cssColor(dataset.color);
    return {
      type: dataset.kind,
      label: dataset.label,
      data: dataset.data,
      backgroundColor: dataset.hatched ? hatch(color) : dataset.dotted ? dots(color) : color,
      borderColor: color,
      borderWidth: dataset.kind === 'line' ? 2 : dataset.hatched || dataset.dotted ? 1 : 0,
      pointRadius: 0,
      stack: dataset.stack,
      spanGaps: true,
    } as ChartJsDataset<'bar' | 'line', Array<number | null>>;
  });
  return new ChartJs(canvas, {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 400 },
      interaction: { mode: 'index', intersect: false },
      color: fg,
      scales: {
        // Bars without a stack (new and resolved problems) stand side by side rather than on top of each other.
        x: { stacked: spec.datasets.some((dataset) => dataset.stack), ticks: { color: fg, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 }, grid: { display: false } },
        y: {
          stacked: spec.datasets.some((dataset) => dataset.stack),
          beginAtZero: true,
          title: { display: true, text: spec.yTitle, color: fg },
          ticks: { color: fg, callback: (value) => (spec.percent ? `${Math.round(Number(value) * 100)}%` : value) },
          grid: { color: grid },
          ...(spec.percent ? { max: 1 } : {}),
        },
      },
      plugins: { legend: { labels: { color: fg } } },
    },
  });
}

/**
 * Each chart is drawn when it comes near the screen, after the page's first
 * paint: five charts drawn at once held the main thread for ~400 ms on a
 * phone (Lighthouse's total blocking time), before anything could be read.
 */
function drawAll(): void {
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const charts: Chart[] = [];
  const drawOne = (canvas: HTMLCanvasElement): void => {
    const source = document.querySelector(`script[data-chart-spec="${canvas.id}"]`);
    if (!source?.textContent) return;
    const spec = JSON.parse(source.textContent) as ChartSpec;
    void chartClass().then((ChartJs) => charts.push(draw(ChartJs, canvas, spec, reducedMotion)));
  };
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        // One chart a task, when the page is idle: never one long task for all of them.
        const canvas = entry.target as HTMLCanvasElement;
        if ('requestIdleCallback' in window) requestIdleCallback(() => drawOne(canvas), { timeout: 1000 });
        else setTimeout(() => drawOne(canvas), 0);
      }
    }, { rootMargin: '0px' });
    for (const canvas of canvases) observer.observe(canvas);
  } else {
    canvases.forEach(drawOne);
  }
  // Colours come from CSS variables: redraw when the reader switches light/dark.
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    charts.splice(0).forEach((chart) => chart.destroy());
    drawAll();
  }, { once: true });
}

// After the first paint: the text and tables of the page first, then the charts.
requestAnimationFrame(() => setTimeout(drawAll, 0));
