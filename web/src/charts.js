// ECharts from npm, only the parts the dashboard draws (tree-shaken by esbuild).
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GraphChart, LineChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
// ECharts tooltips are HTML: every piece of data goes through this first.
export const esc = (s) => echarts.format.encodeHTML(String(s ?? ''));
export const QUAD_COLOURS = { 0: '#9e9e9e', 1: '#2e7d32', 2: '#1565c0', 3: '#ef6c00', 4: '#c62828' };

let live = [];
// One chart per container; the previous view's charts are disposed.
export function chart(node) {
  for (const c of live) c.dispose();
  const c = echarts.init(node, null, { renderer: 'canvas' });
  live = [c];
  return c;
}
window.addEventListener('resize', () => live.forEach((c) => c.resize()));
