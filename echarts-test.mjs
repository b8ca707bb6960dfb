import * as echarts from 'echarts';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 500, height: 260 });
chart.setOption({ animation:false, title:{text:'市场主体'}, xAxis:{type:'category',data:['企业','个体','合作社']}, yAxis:{type:'value'}, legend:{}, series:[{name:'本期',type:'bar',data:[10,20,3]},{name:'上年同期',type:'bar',data:[8,15,2]}]});
console.log(chart.renderToSVGString());
