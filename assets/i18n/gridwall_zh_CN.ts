<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DrillDownPanel</name>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="36"/>
        <source>City</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="37"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="38"/>
        <source>Street / town</source>
        <translation>街道/乡镇</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="39"/>
        <source>Community / village</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="40"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="47"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="50"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="51"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="82"/>
        <source>Panjin</source>
        <translation>盘锦市</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="98"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="123"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="124"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="125"/>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="126"/>
        <source>New today</source>
        <translation>今日新增</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="127"/>
        <source>Closed today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="128"/>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="129"/>
        <source>Workload</source>
        <translation>工作负荷</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="130"/>
        <source>Workers on duty</source>
        <translation>在岗网格员</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="131"/>
        <source>Cameras online</source>
        <translation>视频在线率</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="161"/>
        <source>Feed stopped: figures as of %1 s ago</source>
        <translation>数据中断：显示 %1 秒前的数据</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="162"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="170"/>
        <source>Last 24 hours: reported and closed</source>
        <translation>近 24 小时：上报与办结</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="210"/>
        <source>By workload</source>
        <translation>按工作负荷排序</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="240"/>
        <source>%1 open · %2 overdue</source>
        <translation>在办 %1 · 超期 %2</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="252"/>
        <source>Most overdue</source>
        <translation>超期最久</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="274"/>
        <source>+%1</source>
        <translation>超 %1</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>New today</source>
        <translation>今日新增</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Closed today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="30"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>盘锦市社会治理指挥中心</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>%1 districts · %2 streets/towns · %3 communities/villages · %4 grids</source>
        <translation>%1 个区县 · %2 个街道/乡镇 · %3 个社区/村 · %4 个网格</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="66"/>
        <source>Live · %1 msg/s</source>
        <translation>实时 · %1 条/秒</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="67"/>
        <source>Connected · no data for %1 s</source>
        <translation>已连接 · %1 秒无数据</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="68"/>
        <source>Feed down · reconnecting</source>
        <translation>数据源中断 · 正在重连</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="69"/>
        <source>No feed</source>
        <translation>无数据源</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="19"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>盘锦市社会治理指挥中心</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="50"/>
        <source>History database was corrupt: moved to %1; a fresh one was started</source>
        <translation>历史数据库已损坏：已移至 %1，并已新建数据库</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../qml/MapLegend.qml" line="16"/>
        <source>Response rings</source>
        <translation>处置圈</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="15"/>
        <source>Case density, 24 h</source>
        <translation>案件密度（24 小时）</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="69"/>
        <source>zoom in</source>
        <translation>放大显示</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="14"/>
        <source>Workload</source>
        <translation>工作负荷</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="15"/>
        <source>Overdue cases</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="16"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="17"/>
        <source>Response units</source>
        <translation>处置力量</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="18"/>
        <source>Safety sensors</source>
        <translation>安全传感器</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="19"/>
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="20"/>
        <source>Cameras</source>
        <translation>视频监控</translation>
    </message>
</context>
<context>
    <name>RegionCard</name>
    <message>
        <location filename="../../qml/RegionCard.qml" line="15"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="16"/>
        <source>Street / town</source>
        <translation>街道/乡镇</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="17"/>
        <source>Community / village</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="18"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="46"/>
        <source>%1 · code %2</source>
        <translation>%1 · 编码 %2</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="52"/>
        <source>Area %1 km²</source>
        <translation>面积 %1 平方公里</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <location filename="../../qml/ScaleBar.qml" line="21"/>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <location filename="../../qml/ScaleBar.qml" line="21"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
</context>
</TS>
