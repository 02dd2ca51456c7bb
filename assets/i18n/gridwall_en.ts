<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AlarmLanes</name>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="136"/>
        <source>No active alarms when the feed stopped</source>
        <translation>No active alarms when the feed stopped</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="136"/>
        <source>No active alarms</source>
        <translation>No active alarms</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="193"/>
        <source>%1 × %2 in %3 within 5 min</source>
        <translation>%1 × %2 in %3 within 5 min</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="252"/>
        <source>Shelve</source>
        <translation>Shelve</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="273"/>
        <source>Shelve %1 for</source>
        <translation>Shelve %1 for</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="285"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AlarmLanes.qml" line="285"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="290"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="296"/>
        <source>because:</source>
        <translation>because:</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="320"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AlarmLanes.qml" line="349"/>
        <location filename="../../qml/AlarmLanes.qml" line="409"/>
        <source>%n alarm(s)</source>
        <translation>
            <numerusform>%n alarm</numerusform>
            <numerusform>%n alarms</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="352"/>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="360"/>
        <source>Unshelve</source>
        <translation>Unshelve</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="386"/>
        <source>Sound on</source>
        <translation>Sound on</translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="386"/>
        <source>Sound off</source>
        <translation>Sound off</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AlarmLanes.qml" line="408"/>
        <source>%n shelved</source>
        <translation>
            <numerusform>%n shelved</numerusform>
            <numerusform>%n shelved</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AlarmLanes.qml" line="195"/>
        <source>%1 × %2 within 5 min</source>
        <translation>%1 × %2 within 5 min</translation>
    </message>
</context>
<context>
    <name>AnalysisColumn</name>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="30"/>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="30"/>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="30"/>
        <source>30 d</source>
        <translation>30 d</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="75"/>
        <source>Reported and closed</source>
        <translation>Reported and closed</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="147"/>
        <source>Closed within deadline</source>
        <translation>Closed within deadline</translation>
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
        <translation>No case with a deadline closed in this period</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="164"/>
        <source>No history kept on this wall</source>
        <translation>No history kept on this wall</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/AnalysisColumn.qml" line="165"/>
        <source>%n closed with a deadline</source>
        <translation>
            <numerusform>%n closed with a deadline</numerusform>
            <numerusform>%n closed with a deadline</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="177"/>
        <source>%1 in the %2 before</source>
        <translation>%1 in the %2 before</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="179"/>
        <source>nothing closed in the %1 before</source>
        <translation>nothing closed in the %1 before</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="193"/>
        <source>Today so far, against the same weekday last week</source>
        <translation>Today so far, against the same weekday last week</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="193"/>
        <location filename="../../qml/AnalysisColumn.qml" line="259"/>
        <source>Open cases by category</source>
        <translation>Open cases by category</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="203"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="203"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="204"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="226"/>
        <source>%1 last week</source>
        <translation>%1 last week</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="244"/>
        <location filename="../../qml/AnalysisColumn.qml" line="272"/>
        <source>No open cases</source>
        <translation>No open cases</translation>
    </message>
    <message>
        <location filename="../../qml/AnalysisColumn.qml" line="285"/>
        <source>Districts by workload: open cases, overdue in red</source>
        <translation>Districts by workload: open cases, overdue in red</translation>
    </message>
</context>
<context>
    <name>CameraDetails</name>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="38"/>
        <source>stream %1</source>
        <translation>stream %1</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="38"/>
        <source>no stream published</source>
        <translation>no stream published</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="43"/>
        <source>Recent events</source>
        <translation>Recent events</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="43"/>
        <source>No events since the wall started</source>
        <translation>No events since the wall started</translation>
    </message>
    <message>
        <location filename="../../qml/CameraDetails.qml" line="54"/>
        <source>severity %1</source>
        <translation>severity %1</translation>
    </message>
</context>
<context>
    <name>CaseDetails</name>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="30"/>
        <source>%1 · priority %2 · from %3</source>
        <translation>%1 · priority %2 · from %3</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="33"/>
        <source>Deadline %1</source>
        <translation>Deadline %1</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="38"/>
        <source>In hand: %1</source>
        <translation>In hand: %1</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="47"/>
        <source>%1 workers on duty near, nearest %2 m</source>
        <translation>%1 workers on duty near, nearest %2 m</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="49"/>
        <source>nearest camera %1 m (%2)</source>
        <translation>nearest camera %1 m (%2)</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="49"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="49"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="50"/>
        <source>within the %1-minute ring of %2</source>
        <translation>within the %1-minute ring of %2</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="51"/>
        <source>outside every response ring</source>
        <translation>outside every response ring</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="57"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="101"/>
        <source>No events recorded yet</source>
        <translation>No events recorded yet</translation>
    </message>
    <message>
        <location filename="../../qml/CaseDetails.qml" line="101"/>
        <source>No history kept on this wall</source>
        <translation>No history kept on this wall</translation>
    </message>
</context>
<context>
    <name>DistrictBars</name>
    <message>
        <location filename="../../qml/DistrictBars.qml" line="62"/>
        <source>%1 open · %2 overdue</source>
        <translation>%1 open · %2 overdue</translation>
    </message>
    <message>
        <location filename="../../qml/DistrictBars.qml" line="62"/>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
</context>
<context>
    <name>DrillDownPanel</name>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="146"/>
        <source>Panjin</source>
        <translation>Panjin</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="171"/>
        <source>Whole city</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="199"/>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="200"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="201"/>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="202"/>
        <source>New today</source>
        <translation>New today</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="203"/>
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="204"/>
        <source>Closure rate</source>
        <translation>Closure rate</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="205"/>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="206"/>
        <source>Workers on duty</source>
        <translation>Workers on duty</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="207"/>
        <source>Cameras online</source>
        <translation>Cameras online</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="257"/>
        <source>Feed stopped: figures as of %1 s ago</source>
        <translation>Feed stopped: figures as of %1 s ago</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="258"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="273"/>
        <source>Last 24 hours: reported and closed</source>
        <translation>Last 24 hours: reported and closed</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="289"/>
        <source>By workload</source>
        <translation>By workload</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="331"/>
        <source>%1 open · %2 overdue</source>
        <translation>%1 open · %2 overdue</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="343"/>
        <source>Most overdue</source>
        <translation>Most overdue</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="371"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="400"/>
        <source>▼ more below</source>
        <translation>▼ more below</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="245"/>
        <source>No active alarms here</source>
        <translation>No active alarms here</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="246"/>
        <source>%1 active alarms here, %2 critical</source>
        <translation>%1 active alarms here, %2 critical</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="247"/>
        <source>%1 active alarms here</source>
        <translation>%1 active alarms here</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <location filename="../../qml/EntityView.qml" line="34"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="46"/>
        <source>Overdue by %1</source>
        <translation>Overdue by %1</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="47"/>
        <source>Due in %1</source>
        <translation>Due in %1</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="53"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="53"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="58"/>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="58"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="58"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="61"/>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="79"/>
        <source>No longer live: as last seen</source>
        <translation>No longer live: as last seen</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="83"/>
        <source>Feed stopped: as of %1</source>
        <translation>Feed stopped: as of %1</translation>
    </message>
    <message>
        <location filename="../../qml/EntityView.qml" line="83"/>
        <source>Last message %1</source>
        <translation>Last message %1</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="56"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="57"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="58"/>
        <source>New today</source>
        <translation>New today</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="59"/>
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="60"/>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>Panjin Social Governance Command Center</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="89"/>
        <source>%1 districts · %2 streets/towns · %3 communities/villages · %4 grids</source>
        <translation>%1 districts · %2 streets/towns · %3 communities/villages · %4 grids</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="116"/>
        <source>Live · %1 msg/s</source>
        <translation>Live · %1 msg/s</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="117"/>
        <source>Connected · no data for %1 s</source>
        <translation>Connected · no data for %1 s</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="118"/>
        <source>Feed down · reconnecting</source>
        <translation>Feed down · reconnecting</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="119"/>
        <source>No feed</source>
        <translation>No feed</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="46"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>Panjin Social Governance Command Center</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="195"/>
        <source>History database was corrupt: moved to %1; a fresh one was started</source>
        <translation>History database was corrupt: moved to %1; a fresh one was started</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="194"/>
        <source>History database refuses writes (disk full?): %1 case events held in memory, stored when it takes them again</source>
        <translation>History database refuses writes (disk full?): %1 case events held in memory, stored when it takes them again</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../qml/MapLegend.qml" line="18"/>
        <source>Response rings</source>
        <translation>Response rings</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="17"/>
        <source>Case density, 24 h</source>
        <translation>Case density, 24 h</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="85"/>
        <source>zoom in</source>
        <translation>zoom in</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="16"/>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="20"/>
        <source>Overdue cases</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="21"/>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="22"/>
        <source>Response units</source>
        <translation>Response units</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="23"/>
        <source>Safety sensors</source>
        <translation>Safety sensors</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="24"/>
        <source>Grid workers</source>
        <translation>Grid workers</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="25"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="26"/>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="116"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="129"/>
        <source>cases per worker on duty; each colour a fifth of the regions with cases</source>
        <translation>cases per worker on duty; each colour a fifth of the regions with cases</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="146"/>
        <source>Feed stopped: as of %1</source>
        <translation>Feed stopped: as of %1</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="19"/>
        <source>Cases by street</source>
        <translation>Cases by street</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../qml/Names.qml" line="10"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="13"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="14"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="22"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="23"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="24"/>
        <source>Street / town</source>
        <translation>Street / town</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="25"/>
        <source>Community / village</source>
        <translation>Community / village</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="26"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="32"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="33"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="34"/>
        <location filename="../../qml/Names.qml" line="100"/>
        <source>Sensor</source>
        <translation>Sensor</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="35"/>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="36"/>
        <source>Response unit</source>
        <translation>Response unit</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="42"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="43"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="44"/>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="45"/>
        <source>Handling</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="46"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="47"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="48"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="49"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="50"/>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="51"/>
        <source>On patrol</source>
        <translation>On patrol</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="52"/>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="53"/>
        <source>Off duty</source>
        <translation>Off duty</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="84"/>
        <source>Crowd</source>
        <translation>Crowd</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="85"/>
        <source>Intrusion</source>
        <translation>Intrusion</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="86"/>
        <source>Fire or smoke</source>
        <translation>Fire or smoke</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="87"/>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="88"/>
        <source>Loitering</source>
        <translation>Loitering</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="90"/>
        <source>Other event</source>
        <translation>Other event</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="94"/>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="95"/>
        <source>Smoke</source>
        <translation>Smoke</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="96"/>
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="97"/>
        <source>Water level</source>
        <translation>Water level</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="98"/>
        <source>Vibration</source>
        <translation>Vibration</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="117"/>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="118"/>
        <source>Fire brigade</source>
        <translation>Fire brigade</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="119"/>
        <source>Ambulance</source>
        <translation>Ambulance</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="120"/>
        <source>Urban enforcement</source>
        <translation>Urban enforcement</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="127"/>
        <source>%1 alarm</source>
        <translation>%1 alarm</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="128"/>
        <source>%1 warning</source>
        <translation>%1 warning</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="130"/>
        <source>Overdue: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="131"/>
        <source>Camera silent</source>
        <translation>Camera silent</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="132"/>
        <source>Sensor silent</source>
        <translation>Sensor silent</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="139"/>
        <source>Cause known, crew on site</source>
        <translation>Cause known, crew on site</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="140"/>
        <source>Device fault reported</source>
        <translation>Device fault reported</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="141"/>
        <source>Planned work or drill</source>
        <translation>Planned work or drill</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="142"/>
        <source>Duplicate of another alarm</source>
        <translation>Duplicate of another alarm</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="148"/>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="149"/>
        <source>Major</source>
        <translation>Major</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="150"/>
        <source>Minor</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="152"/>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="60"/>
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="61"/>
        <source>Petition</source>
        <translation>Petition</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="62"/>
        <source>Family matter</source>
        <translation>Family matter</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="63"/>
        <source>Safety hazard</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="64"/>
        <source>Public order</source>
        <translation>Public order</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="65"/>
        <source>City environment</source>
        <translation>City environment</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="66"/>
        <source>Pipe network</source>
        <translation>Pipe network</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="67"/>
        <source>Special population</source>
        <translation>Special population</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="68"/>
        <source>Epidemic control</source>
        <translation>Epidemic control</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="74"/>
        <source>the app</source>
        <translation>the app</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="75"/>
        <source>the hotline</source>
        <translation>the hotline</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="76"/>
        <source>a patrol</source>
        <translation>a patrol</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="77"/>
        <source>a camera</source>
        <translation>a camera</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="78"/>
        <source>a sensor</source>
        <translation>a sensor</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="80"/>
        <source>elsewhere</source>
        <translation>elsewhere</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="105"/>
        <source>Crowded places</source>
        <translation>Crowded places</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="106"/>
        <source>Public transport</source>
        <translation>Public transport</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="107"/>
        <source>Fireworks</source>
        <translation>Fireworks</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="108"/>
        <source>Food and drugs</source>
        <translation>Food and drugs</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="109"/>
        <source>Logistics and parcels</source>
        <translation>Logistics and parcels</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="110"/>
        <source>School surroundings</source>
        <translation>School surroundings</translation>
    </message>
    <message>
        <location filename="../../qml/Names.qml" line="111"/>
        <source>Construction sites</source>
        <translation>Construction sites</translation>
    </message>
</context>
<context>
    <name>PluginDock</name>
    <message>
        <location filename="../../qml/PluginDock.qml" line="107"/>
        <source>page %1 / %2</source>
        <translation>page %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/PluginDock.qml" line="116"/>
        <source>%n tile(s) not shown, no room: %1</source>
        <translation>
            <numerusform>%n tile not shown, no room: %1</numerusform>
            <numerusform>%n tiles not shown, no room: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PluginTile</name>
    <message>
        <location filename="../../qml/PluginTile.qml" line="53"/>
        <source>This widget stopped with an error</source>
        <translation>This widget stopped with an error</translation>
    </message>
</context>
<context>
    <name>RegionCard</name>
    <message>
        <location filename="../../qml/RegionCard.qml" line="15"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="16"/>
        <source>Street / town</source>
        <translation>Street / town</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="17"/>
        <source>Community / village</source>
        <translation>Community / village</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="18"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="46"/>
        <source>%1 · code %2</source>
        <translation>%1 · code %2</translation>
    </message>
    <message>
        <location filename="../../qml/RegionCard.qml" line="52"/>
        <source>Area %1 km²</source>
        <translation>Area %1 km²</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <location filename="../../qml/ScaleBar.qml" line="21"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../qml/ScaleBar.qml" line="21"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>SensorDetails</name>
    <message>
        <location filename="../../qml/SensorDetails.qml" line="33"/>
        <source>warn %1 · alarm %2</source>
        <translation>warn %1 · alarm %2</translation>
    </message>
    <message>
        <location filename="../../qml/SensorDetails.qml" line="41"/>
        <source>Safety sector %1</source>
        <translation>Safety sector %1</translation>
    </message>
    <message>
        <location filename="../../qml/SensorDetails.qml" line="44"/>
        <source>Last 24 hours: range and mean per bucket</source>
        <translation>Last 24 hours: range and mean per bucket</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../qml/TrendChart.qml" line="38"/>
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="38"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="57"/>
        <source>cases per day</source>
        <translation>cases per day</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="57"/>
        <source>cases per hour</source>
        <translation>cases per hour</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="146"/>
        <source>No history kept on this wall</source>
        <translation>No history kept on this wall</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="147"/>
        <source>No cases reported or closed in these %1 days</source>
        <translation>No cases reported or closed in these %1 days</translation>
    </message>
    <message>
        <location filename="../../qml/TrendChart.qml" line="148"/>
        <source>No cases reported or closed in these %1 hours</source>
        <translation>No cases reported or closed in these %1 hours</translation>
    </message>
</context>
</TS>
