import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { h } from './dom';
import type { PageContext } from './page';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** The UI's CJK font stack (fonts-noto-cjk on Debian; the system's elsewhere). */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Colours that keep 3:1 against white and apart from each other. */
export const PALETTE = ['#1f5fa8', '#c0392b', '#2e7d32', '#8e44ad', '#b35c00', '#00796b', '#5d4037', '#455a64'];

/**
 * An ECharts chart drawn as SVG (so its labels are text a test and a screen reader can read),
 * disposed with the page. `summary` is the chart's accessible name.
 */
export function chart(
  ctx: Pick<PageContext, 'onDispose'>,
  option: ChartOption,
  summary: string,
  height = 260,
): HTMLElement {
  const el = h('div', { class: 'chart', role: 'img', 'aria-label': summary });
  el.style.height = `${height}px`;
  let disposed = false;
  ctx.onDispose(() => (disposed = true));
  // Drawn once the page has put it in the document (ECharts measures its box).
  const start = (tries: number) => {
    if (disposed) return;
    if (!el.isConnected) {
      if (tries < 100) setTimeout(() => start(tries + 1), 10);
      return;
    }
    const instance = echarts.init(el, null, { renderer: 'svg' });
    instance.setOption({ color: PALETTE, textStyle: { fontFamily: FONT_FAMILY }, animation: false, ...option });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    ctx.onDispose(() => {
      observer.disconnect();
      instance.dispose();
    });
  };
  setTimeout(() => start(0), 0);
  return el;
}
