import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface ChartProps {
  /** Accessible name of the chart. */
  label: string;
  /** x values (seconds since 1970) and one array per series. */
  data: [number[], ...(number | null)[][]];
  series: { label: string; color: string; bars?: boolean }[];
}

/** A time chart drawn by uPlot (canvas), resized with its container. */
export function Chart({ label, data, series }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) {
      return;
    }
    const plot = new uPlot(
      {
        width: element.clientWidth || 480,
        height: 200,
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? `${s.color}55` : undefined,
            ...(s.bars ? { paths: uPlot.paths.bars?.({ size: [0.7] }) } : {}),
          })),
        ],
        axes: [{}, { size: 40 }],
      },
      data,
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 200 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [data, series]);
  return <figure className="sl-analytics__chart" aria-label={label} ref={ref} />;
}
