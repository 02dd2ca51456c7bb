<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmLanes</name>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="136"/>
        <source>No active alarms when the feed stopped</source>
        <translation>数据中断时无活动告警</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="136"/>
        <source>No active alarms</source>
        <translation>无活动告警</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="193"/>
        <source>%1 × %2 in %3 within 5 min</source>
        <translation>%3 5 分钟内 %1 起%2</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="252"/>
        <source>Shelve</source>
        <translation>搁置</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="273"/>
        <source>Shelve %1 for</source>
        <translation>搁置 %1，时长</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="285"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AlarmLanes.qml" line="285"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="290"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="296"/>
        <source>because:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="320"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AlarmLanes.qml" line="349"/>
        <location filename="../../qml/AlarmLanes.qml" line="409"/>
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n 条告警</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="352"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="360"/>
        <source>Unshelve</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="386"/>
        <source>Sound on</source>
        <translation>声音 开</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="386"/>
        <source>Sound off</source>
        <translation>声音 关</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AlarmLanes.qml" line="408"/>
        <source>%n shelved</source>
        <translation>
            <numerusform>已搁置 %n 组</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="195"/>
        <source>%1 × %2 within 5 min</source>
        <translation>5 分钟内 %1 起%2</translation>
    </message>
</context>
<context>
    <name>AnalysisColumn</name>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="30"/>
        <source>24 h</source>
        <translation>24小时</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="30"/>
        <source>7 d</source>
        <translation>7天</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="30"/>
        <source>30 d</source>
        <translation>30天</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="75"/>
        <source>Reported and closed</source>
        <translation>上报与办结</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="147"/>
        <source>Closed within deadline</source>
        <translation>按期办结率</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="154"/>
        <location filename="../../qml/AnalysisColumn.qml" line="177"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="164"/>
        <source>No case with a deadline closed in this period</source>
        <translation>本期无设时限的办结案件</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="164"/>
        <source>No history kept on this wall</source>
        <translation>本屏未保存历史</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AnalysisColumn.qml" line="165"/>
        <source>%n closed with a deadline</source>
        <translation>
            <numerusform>共 %n 件设时限案件办结</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="177"/>
        <source>%1 in the %2 before</source>
        <translation>前%2：%1</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="179"/>
        <source>nothing closed in the %1 before</source>
        <translation>前%1无办结案件</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="193"/>
        <source>Today so far, against the same weekday last week</source>
        <translation>今日截至目前，对比上周同日</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="193"/>
        <location filename="../../qml/AnalysisColumn.qml" line="259"/>
        <source>Open cases by category</source>
        <translation>在办案件（按类别）</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="203"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="203"/>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="204"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="226"/>
        <source>%1 last week</source>
        <translation>上周 %1</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="244"/>
        <location filename="../../qml/AnalysisColumn.qml" line="272"/>
        <source>No open cases</source>
        <translation>暂无在办案件</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="285"/>
        <source>Districts by workload: open cases, overdue in red</source>
        <translation>各区县工作负荷：在办案件（红色为超期）</translation>
    </message>
</context>
<context>
    <name>CameraDetails</name>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="38"/>
        <source>stream %1</source>
        <translation>视频流 %1</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="38"/>
        <source>no stream published</source>
        <translation>未发布视频流</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="43"/>
        <source>Recent events</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="43"/>
        <source>No events since the wall started</source>
        <translation>启动以来无事件</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="54"/>
        <source>severity %1</source>
        <translation>级别 %1</translation>
    </message>
</context>
<context>
    <name>CaseDetails</name>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="30"/>
        <source>%1 · priority %2 · from %3</source>
        <translation>%1 · 优先级 %2 · 来源 %3</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="33"/>
        <source>Deadline %1</source>
        <translation>办理时限 %1</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="38"/>
        <source>In hand: %1</source>
        <translation>承办：%1</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="47"/>
        <source>%1 workers on duty near, nearest %2 m</source>
        <translation>附近在岗网格员 %1 人，最近 %2 米</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="49"/>
        <source>nearest camera %1 m (%2)</source>
        <translation>最近摄像头 %1 米（%2）</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="49"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="49"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="50"/>
        <source>within the %1-minute ring of %2</source>
        <translation>位于%2 %1 分钟响应圈内</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="51"/>
        <source>outside every response ring</source>
        <translation>不在任何响应圈内</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="57"/>
        <source>Timeline</source>
        <translation>办理时间线</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="101"/>
        <source>No events recorded yet</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="101"/>
        <source>No history kept on this wall</source>
        <translation>本屏未保存历史</translation>
    </message>
</context>
<context>
    <name>DistrictBars</name>
    <message>
        <location filename="../../qml/DistrictBars.qml" line="62"/>
        <source>%1 open · %2 overdue</source>
        <translation>在办 %1 · 超期 %2</translation>
    </message>
    <message>
        <location filename="../../qml/DistrictBars.qml" line="62"/>
        <source>%1 open</source>
        <translation>在办 %1</translation>
    </message>
</context>
<context>
    <name>DrillDownPanel</name>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="146"/>
        <source>Panjin</source>
        <translation>盘锦市</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="171"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="199"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="200"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="201"/>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="202"/>
        <source>New today</source>
        <translation>今日新增</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="203"/>
        <source>Closed today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="204"/>
        <source>Closure rate</source>
        <translation>办结率</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="205"/>
        <source>Workload</source>
        <translation>工作负荷</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="206"/>
        <source>Workers on duty</source>
        <translation>在岗网格员</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="207"/>
        <source>Cameras online</source>
        <translation>视频在线率</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="257"/>
        <source>Feed stopped: figures as of %1 s ago</source>
        <translation>数据中断：显示 %1 秒前的数据</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="258"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="273"/>
        <source>Last 24 hours: reported and closed</source>
        <translation>近 24 小时：上报与办结</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="289"/>
        <source>By workload</source>
        <translation>按工作负荷排序</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="331"/>
        <source>%1 open · %2 overdue</source>
        <translation>在办 %1 · 超期 %2</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="343"/>
        <source>Most overdue</source>
        <translation>超期最久</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="371"/>
        <source>+%1</source>
        <translation>超 %1</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="400"/>
        <source>▼ more below</source>
        <translation>▼ 下方还有内容</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="245"/>
        <source>No active alarms here</source>
        <translation>本区域无活动告警</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="246"/>
        <source>%1 active alarms here, %2 critical</source>
        <translation>本区域活动告警 %1 条，其中紧急 %2 条</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="247"/>
        <source>%1 active alarms here</source>
        <translation>本区域活动告警 %1 条</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <location filename="../../qml/EntityView.qml" line="34"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="46"/>
        <source>Overdue by %1</source>
        <translation>已超期 %1</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="47"/>
        <source>Due in %1</source>
        <translation>%1 后到期</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="53"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="53"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="58"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="58"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="58"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="61"/>
        <source>Flagged</source>
        <translation>流程异常</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="79"/>
        <source>No longer live: as last seen</source>
        <translation>已不在实时数据中：显示最后状态</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="83"/>
        <source>Feed stopped: as of %1</source>
        <translation>数据中断：截至 %1</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="83"/>
        <source>Last message %1</source>
        <translation>最近消息 %1</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="56"/>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="57"/>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="58"/>
        <source>New today</source>
        <translation>今日新增</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="59"/>
        <source>Closed today</source>
        <translation>今日办结</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="60"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>盘锦市社会治理指挥中心</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="89"/>
        <source>%1 districts · %2 streets/towns · %3 communities/villages · %4 grids</source>
        <translation>%1 个区县 · %2 个街道/乡镇 · %3 个社区/村 · %4 个网格</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="116"/>
        <source>Live · %1 msg/s</source>
        <translation>实时 · %1 条/秒</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="117"/>
        <source>Connected · no data for %1 s</source>
        <translation>已连接 · %1 秒无数据</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="118"/>
        <source>Feed down · reconnecting</source>
        <translation>数据源中断 · 正在重连</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="119"/>
        <source>No feed</source>
        <translation>无数据源</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="46"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>盘锦市社会治理指挥中心</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="195"/>
        <source>History database was corrupt: moved to %1; a fresh one was started</source>
        <translation>历史数据库已损坏：已移至 %1，并已新建数据库</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="194"/>
        <source>History database refuses writes (disk full?): %1 case events held in memory, stored when it takes them again</source>
        <translation>历史数据库无法写入（磁盘已满？）：%1 条案件事件暂存内存，恢复写入后补存</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../qml/MapLegend.qml" line="18"/>
        <source>Response rings</source>
        <translation>处置圈</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="17"/>
        <source>Case density, 24 h</source>
        <translation>案件密度（24 小时）</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="85"/>
        <source>zoom in</source>
        <translation>放大显示</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="16"/>
        <source>Workload</source>
        <translation>工作负荷</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="20"/>
        <source>Overdue cases</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="21"/>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="22"/>
        <source>Response units</source>
        <translation>处置力量</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="23"/>
        <source>Safety sensors</source>
        <translation>安全传感器</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="24"/>
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="25"/>
        <source>Cameras</source>
        <translation>视频监控</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="26"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="116"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="129"/>
        <source>cases per worker on duty; each colour a fifth of the regions with cases</source>
        <translation>在岗网格员人均案件；每种颜色为有案件区域的五分之一</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="146"/>
        <source>Feed stopped: as of %1</source>
        <translation>数据中断：截至 %1</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="19"/>
        <source>Cases by street</source>
        <translation>按街道聚合案件</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../qml/Names.qml" line="10"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="13"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="14"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="22"/>
        <source>City</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="23"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="24"/>
        <source>Street / town</source>
        <translation>街道/乡镇</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="25"/>
        <source>Community / village</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="26"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="32"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="33"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="34"/>
        <location filename="../../qml/Names.qml" line="100"/>
        <source>Sensor</source>
        <translation>传感器</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="35"/>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="36"/>
        <source>Response unit</source>
        <translation>处置力量</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="42"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="43"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="44"/>
        <source>Dispatched</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="45"/>
        <source>Handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="46"/>
        <source>Resolved</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="47"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="48"/>
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="49"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="50"/>
        <source>Escalated</source>
        <translation>上报上级</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="51"/>
        <source>On patrol</source>
        <translation>巡查中</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="52"/>
        <source>Idle</source>
        <translation>待命</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="53"/>
        <source>Off duty</source>
        <translation>下班</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="84"/>
        <source>Crowd</source>
        <translation>人员聚集</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="85"/>
        <source>Intrusion</source>
        <translation>区域入侵</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="86"/>
        <source>Fire or smoke</source>
        <translation>烟火</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="87"/>
        <source>Vehicle</source>
        <translation>车辆违停</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="88"/>
        <source>Loitering</source>
        <translation>徘徊逗留</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="90"/>
        <source>Other event</source>
        <translation>其他事件</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="94"/>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="95"/>
        <source>Smoke</source>
        <translation>烟感</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="96"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="97"/>
        <source>Water level</source>
        <translation>水位</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="98"/>
        <source>Vibration</source>
        <translation>振动</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="117"/>
        <source>Police</source>
        <translation>公安</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="118"/>
        <source>Fire brigade</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="119"/>
        <source>Ambulance</source>
        <translation>急救</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="120"/>
        <source>Urban enforcement</source>
        <translation>城管执法</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="127"/>
        <source>%1 alarm</source>
        <translation>%1报警</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="128"/>
        <source>%1 warning</source>
        <translation>%1预警</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="130"/>
        <source>Overdue: %1</source>
        <translation>超期：%1</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="131"/>
        <source>Camera silent</source>
        <translation>摄像头失联</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="132"/>
        <source>Sensor silent</source>
        <translation>传感器失联</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="139"/>
        <source>Cause known, crew on site</source>
        <translation>原因已知，人员已到场</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="140"/>
        <source>Device fault reported</source>
        <translation>设备故障已报修</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="141"/>
        <source>Planned work or drill</source>
        <translation>计划作业或演练</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="142"/>
        <source>Duplicate of another alarm</source>
        <translation>与其他告警重复</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="148"/>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="149"/>
        <source>Major</source>
        <translation>重要</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="150"/>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="152"/>
        <source>Notice</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="60"/>
        <source>Dispute</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="61"/>
        <source>Petition</source>
        <translation>信访</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="62"/>
        <source>Family matter</source>
        <translation>家庭纠纷</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="63"/>
        <source>Safety hazard</source>
        <translation>安全隐患</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="64"/>
        <source>Public order</source>
        <translation>社会治安</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="65"/>
        <source>City environment</source>
        <translation>城市环境</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="66"/>
        <source>Pipe network</source>
        <translation>管网设施</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="67"/>
        <source>Special population</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="68"/>
        <source>Epidemic control</source>
        <translation>疫情防控</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="74"/>
        <source>the app</source>
        <translation>群众App</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="75"/>
        <source>the hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="76"/>
        <source>a patrol</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="77"/>
        <source>a camera</source>
        <translation>视频发现</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="78"/>
        <source>a sensor</source>
        <translation>传感器</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="80"/>
        <source>elsewhere</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="105"/>
        <source>Crowded places</source>
        <translation>人员密集场所</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="106"/>
        <source>Public transport</source>
        <translation>公共交通</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="107"/>
        <source>Fireworks</source>
        <translation>烟花爆竹</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="108"/>
        <source>Food and drugs</source>
        <translation>食品药品</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="109"/>
        <source>Logistics and parcels</source>
        <translation>物流寄递</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="110"/>
        <source>School surroundings</source>
        <translation>校园周边</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="111"/>
        <source>Construction sites</source>
        <translation>建筑施工</translation>
    </message>
</context>
<context>
    <name>PluginDock</name>
    <message>
        <location filename="../../qml/PluginDock.qml" line="107"/>
        <source>page %1 / %2</source>
        <translation>第 %1 / %2 页</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/PluginDock.qml" line="116"/>
        <source>%n tile(s) not shown, no room: %1</source>
        <translation>
            <numerusform>%n 个组件无处显示：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PluginTile</name>
    <message>
        <location filename="../../qml/PluginTile.qml" line="53"/>
        <source>This widget stopped with an error</source>
        <translation>此组件出错已停止</translation>
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
<context>
    <name>SensorDetails</name>
    <message>
        <location filename="../../qml/SensorDetails.qml" line="33"/>
        <source>warn %1 · alarm %2</source>
        <translation>预警 %1 · 报警 %2</translation>
    </message>
    <message>
        <location filename="../../qml/SensorDetails.qml" line="41"/>
        <source>Safety sector %1</source>
        <translation>安全片区 %1</translation>
    </message>
    <message>
        <location filename="../../qml/SensorDetails.qml" line="44"/>
        <source>Last 24 hours: range and mean per bucket</source>
        <translation>近 24 小时：各时段范围与均值</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../qml/TrendChart.qml" line="38"/>
        <source>reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="38"/>
        <source>closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="57"/>
        <source>cases per day</source>
        <translation>件/天</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="57"/>
        <source>cases per hour</source>
        <translation>件/小时</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="146"/>
        <source>No history kept on this wall</source>
        <translation>本屏未保存历史</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="147"/>
        <source>No cases reported or closed in these %1 days</source>
        <translation>近 %1 天无上报或办结案件</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="148"/>
        <source>No cases reported or closed in these %1 hours</source>
        <translation>近 %1 小时无上报或办结案件</translation>
    </message>
</context>
</TS>
