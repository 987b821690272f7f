// The statistics page's charts, drawn by ECharts (served by the app) from the JSON the page carries. SVG, so
// that printing stays sharp; no animation, so that a print or a screenshot shows the final picture.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('statistics-data').textContent);
  var font = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif';
  // Colours that stay apart on a grey-scale print too (dark to light).
  var palette = ['#b5171d', '#1f5f99', '#e0a526', '#3d8b3d', '#7a4d9c', '#6b6b6b', '#d96a1f', '#2aa3a3', '#a3a3a3', '#4d2a14'];
  var charts = [];

  function draw(id, option, empty) {
    var element = document.getElementById(id);
    var chart = echarts.init(element, null, { renderer: 'svg' });
    var base = { animation: false, color: palette, textStyle: { fontFamily: font }, tooltip: {} };
    if (empty) {
      base.title = { text: '暂无数据', left: 'center', top: 'middle', textStyle: { color: '#888', fontSize: 14 } };
    }
    chart.setOption(Object.assign(base, option));
    charts.push(chart);
  }

  function categoryAxis(names) {
    return { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } };
  }

  function bars(series, stacked) {
    return series.map(function (one) {
      return { name: one.name, type: 'bar', stack: stacked ? 'all' : undefined, data: one.data,
        label: { show: !stacked, position: 'top' } };
    });
  }

  var legend = { top: 0, type: 'scroll' };
  var grid = { left: 48, right: 16, top: 40, bottom: 72 };

  draw('chart-units', {
    legend: legend, grid: grid, xAxis: categoryAxis(data.units), yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: bars(data.perUnit, false)
  }, data.units.length === 0);

  draw('chart-stages', {
    legend: legend, grid: grid, tooltip: { trigger: 'axis' }, xAxis: categoryAxis(data.stageUnits),
    yAxis: { type: 'value', name: '件', minInterval: 1 }, series: bars(data.stages, true)
  }, data.stageUnits.length === 0);

  var answered = data.satisfaction.reduce(function (sum, slice) { return sum + slice.value; }, 0);
  draw('chart-satisfaction', {
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['0%', '62%'], center: ['50%', '46%'], data: data.satisfaction,
      label: { formatter: '{b}\n{c} 件（{d}%）' } }]
  }, answered === 0);

  draw('chart-weekly', {
    legend: legend, grid: grid, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: data.weeks, name: '周', axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', name: '份', minInterval: 1 },
    series: data.weekly.map(function (one, index) {
      return { name: one.name, type: 'line', data: one.data, symbolSize: 6,
        lineStyle: { width: 2, type: index === 0 ? 'solid' : 'dashed' } };
    })
  }, data.weeks.length === 0);

  function resize() {
    charts.forEach(function (chart) { chart.resize(); });
  }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  document.getElementById('print').addEventListener('click', function () { window.print(); });
  document.body.setAttribute('data-charts', 'drawn');
}());
