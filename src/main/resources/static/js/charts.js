// Draws every element with a data-chart attribute: the server renders the ECharts option as JSON there,
// because the content security policy allows no inline scripts.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var chart = echarts.init(element);
    chart.setOption(JSON.parse(element.getAttribute('data-chart')));
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-chart-ready', 'true');
  });
});
