"use client";

import { useId, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { Results } from "@/lib/schemas/results";
import { formatCount, formatRate, metricName, rateTicks, formatRateTick } from "./format";

const TOTAL = "__total";
const COLORS = { control: "var(--color-muted-foreground)", treatment: "var(--color-primary)" } as const;

/** "2026-11-28" → "28 Nov" (days are already the project's days: no zone conversion). */
function shortDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

function ChartFrame({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <figure className="min-w-0 rounded-lg border bg-background p-4">
      <figcaption className="mb-3">
        <div className="text-sm font-medium">{title}</div>
        <div className="text-xs text-muted-foreground">{description}</div>
      </figcaption>
      <div className="h-56 w-full">{children}</div>
    </figure>
  );
}

/**
 * The daily series of one experience (or all together): users first exposed each day per arm, and
 * each arm's cumulative conversion rate on the primary metric.
 */
export function DailyChart({ results }: { results: Results }) {
  const [selected, setSelected] = useState(TOTAL);
  const labelId = useId();
  const series =
    results.daily.find((s) => (selected === TOTAL ? s.experienceId === null : s.experienceId === selected)) ??
    results.daily[0];
  const primary = results.metrics.find((m) => m.primary) ?? null;
  const data = (series?.points ?? []).map((p) => ({
    day: shortDay(p.date),
    date: p.date,
    controlNew: p.control.newUsers,
    treatmentNew: p.treatment.newUsers,
    controlRate: p.control.conversionRate,
    treatmentRate: p.treatment.conversionRate,
  }));
  const highestRate = data.reduce((m, d) => Math.max(m, d.controlRate ?? 0, d.treatmentRate ?? 0), 0);
  const ticks = rateTicks(highestRate);
  const totalUsers = data.reduce((sum, d) => sum + d.controlNew + d.treatmentNew, 0);
  const nameOf = (id: string | null) =>
    id === null ? "All experiences" : (results.experiences.find((e) => e.experienceId === id)?.name ?? id);

  return (
    <section aria-labelledby={labelId} className="grid gap-3" data-testid="results-chart">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={labelId} className="text-sm font-semibold">
          Day by day
        </h3>
        {results.experiences.length > 1 ? (
          <Select value={selected} onValueChange={setSelected}>
            <SelectTrigger size="sm" aria-label="Series" className="w-auto min-w-44">
              <SelectValue>{nameOf(selected === TOTAL ? null : selected)}</SelectValue>
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={TOTAL}>All experiences</SelectItem>
              {results.experiences.map((e) =>
                e.experienceId ? (
                  <SelectItem key={e.experienceId} value={e.experienceId}>
                    {e.name}
                  </SelectItem>
                ) : null,
              )}
            </SelectContent>
          </Select>
        ) : null}
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartFrame
          title="Exposures per day"
          description={`Users first exposed each day, per arm (${formatCount(totalUsers)} in all), in ${results.range.timezone}.`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
              <CartesianGrid vertical={false} stroke="var(--color-border)" />
              <XAxis dataKey="day" tickLine={false} axisLine={false} fontSize={11} minTickGap={16} />
              <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} width={52} />
              <Tooltip
                cursor={{ fill: "var(--color-muted)" }}
                formatter={(value) => formatCount(Number(value))}
                contentStyle={{ fontSize: 12, borderRadius: 8, borderColor: "var(--color-border)" }}
              />
              <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
              <Bar
                dataKey="controlNew"
                name="Control"
                fill={COLORS.control}
                radius={[2, 2, 0, 0]}
                maxBarSize={36}
                isAnimationActive={false}
              />
              <Bar
                dataKey="treatmentNew"
                name="Treatment"
                fill={COLORS.treatment}
                radius={[2, 2, 0, 0]}
                maxBarSize={36}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        {primary ? (
          <ChartFrame
            title="Conversion rate (cumulative)"
            description={`Exposed users converted on the primary metric, ${metricName(primary).event}, by the end of each day.`}
          >
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
                <CartesianGrid vertical={false} stroke="var(--color-border)" />
                <XAxis dataKey="day" tickLine={false} axisLine={false} fontSize={11} minTickGap={16} />
                <YAxis
                  tickLine={false}
                  axisLine={false}
                  fontSize={11}
                  width={52}
                  ticks={ticks}
                  domain={[0, ticks[ticks.length - 1] ?? 1]}
                  tickFormatter={(v: number) => formatRateTick(v)}
                />
                <Tooltip
                  formatter={(value) =>
                    value === null || value === undefined ? "—" : formatRate(Number(value))
                  }
                  contentStyle={{ fontSize: 12, borderRadius: 8, borderColor: "var(--color-border)" }}
                />
                <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} />
                <Line
                  type="monotone"
                  dataKey="controlRate"
                  name="Control"
                  stroke={COLORS.control}
                  strokeWidth={2}
                  dot={data.length <= 2}
                  connectNulls
                  isAnimationActive={false}
                />
                <Line
                  type="monotone"
                  dataKey="treatmentRate"
                  name="Treatment"
                  stroke={COLORS.treatment}
                  strokeWidth={2}
                  dot={data.length <= 2}
                  connectNulls
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </ChartFrame>
        ) : null}
      </div>
    </section>
  );
}
