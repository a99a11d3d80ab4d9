// Rent collected per month on the rent-roll page: the numbers come from the element's data attributes.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('income-chart');
  if (!element || !window.echarts) {
    return;
  }
  const months = element.dataset.months ? element.dataset.months.split(',') : [];
  const amounts = element.dataset.amounts ? element.dataset.amounts.split(',').map(Number) : [];
  echarts.init(element).setOption({
    grid: { left: 60, right: 20, top: 20, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: amounts, itemStyle: { color: '#b71c1c' } }]
  });
});
