// Draws every element with a data-chart attribute: the server renders the ECharts option as JSON there,
// because the content security policy allows no inline scripts.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var chart = echarts.init(element);
    chart.setOption(keepAxisNamesInside(JSON.parse(element.getAttribute('data-chart'))));
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-chart-ready', 'true');
  });
});

// An axis name with its unit ("元/km", "元 / %", "m²") is drawn centred over the axis end by default, so a name
// wider than the grid's margin is cut off at the chart's edge. Here every named axis grows into the plot instead:
// a vertical axis's name starts at the axis and runs inwards above the plot (room made at the top), a horizontal
// value axis's name sits under the axis labels (room made at the bottom). The grid keeps its labels inside too.
function keepAxisNamesInside(option) {
  var asList = function (axes) { return axes === undefined ? [] : (Array.isArray(axes) ? axes : [axes]); };
  if (!option.xAxis && !option.yAxis) {
    return option;
  }
  var grid = option.grid || (option.grid = {});
  if (Array.isArray(grid)) {
    return option;
  }
  // with the labels inside the grid, its side margins need no longer guess the labels' width
  if (!grid.containLabel) {
    grid.containLabel = true;
    ['left', 'right'].forEach(function (side) {
      if (typeof grid[side] === 'number') {
        grid[side] = Math.min(grid[side], 16);
      }
    });
  }
  var named = false;
  asList(option.yAxis).forEach(function (axis, index) {
    if (!axis.name) {
      return;
    }
    named = true;
    var right = axis.position === 'right' || (axis.position === undefined && index === 1);
    axis.nameLocation = 'end';
    axis.nameGap = axis.nameGap || 10;
    axis.nameTextStyle = Object.assign({ align: right ? 'right' : 'left' }, axis.nameTextStyle);
  });
  if (named) {
    var legendOnTop = option.legend && option.legend.bottom === undefined && option.legend.top !== 'bottom';
    grid.top = Math.max(Number(grid.top) || 0, legendOnTop ? 60 : 36);
  }
  asList(option.xAxis).forEach(function (axis) {
    if (!axis.name || axis.type === 'category') {
      return;
    }
    axis.nameLocation = 'middle';
    axis.nameGap = axis.nameGap || 28;
    grid.bottom = Math.max(Number(grid.bottom) || 0, 44);
  });
  // a mark line's value (the fleet average) is written inside the plot, above the line's end, not past the edge
  asList(option.series).forEach(function (series) {
    if (series.markLine) {
      series.markLine.label = Object.assign({ position: 'insideEndTop' }, series.markLine.label);
    }
  });
  return option;
}
