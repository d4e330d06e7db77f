/** What a chart draws, embedded in the page at build time as JSON and drawn by client/draw-charts.ts. */
export type ChartColor = 'accent' | 'accentSoft' | 'approx' | 'muted' | 'done' | 'overdue';

export interface ChartDataset {
  label: string;
  data: Array<number | null>;
  kind: 'bar' | 'line';
  color: ChartColor;
  /** Draw bars hatched: approximate values (約2時間) must look different from exact ones. */
  hatched?: boolean;
  /** Draw bars dotted: a pattern of its own for plans done late, never the hatching that means "approximate". */
  dotted?: boolean;
  /** Bars sharing a stack sit on each other (exact and approximate time of the same day). */
  stack?: string;
}

export interface ChartSpec {
  labels: string[];
  datasets: ChartDataset[];
  yTitle: string;
  /** Values are 0–1 rates shown as percentages. */
  percent?: boolean;
}
