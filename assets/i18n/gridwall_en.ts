<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DrillDownPanel</name>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="36"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="37"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="38"/>
        <source>Street / town</source>
        <translation>Street / town</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="39"/>
        <source>Community / village</source>
        <translation>Community / village</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="40"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="47"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="50"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="51"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="82"/>
        <source>Panjin</source>
        <translation>Panjin</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="98"/>
        <source>Whole city</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="123"/>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="124"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="125"/>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="126"/>
        <source>New today</source>
        <translation>New today</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="127"/>
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="128"/>
        <source>Closure rate</source>
        <translation>Closure rate</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="129"/>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="130"/>
        <source>Workers on duty</source>
        <translation>Workers on duty</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="131"/>
        <source>Cameras online</source>
        <translation>Cameras online</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="161"/>
        <source>Feed stopped: figures as of %1 s ago</source>
        <translation>Feed stopped: figures as of %1 s ago</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="162"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="170"/>
        <source>Last 24 hours: reported and closed</source>
        <translation>Last 24 hours: reported and closed</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="210"/>
        <source>By workload</source>
        <translation>By workload</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="240"/>
        <source>%1 open · %2 overdue</source>
        <translation>%1 open · %2 overdue</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="252"/>
        <source>Most overdue</source>
        <translation>Most overdue</translation>
    </message>
    <message>
        <location filename="../../qml/DrillDownPanel.qml" line="274"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>New today</source>
        <translation>New today</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Closed today</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="30"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>Panjin Social Governance Command Center</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="40"/>
        <source>%1 districts · %2 streets/towns · %3 communities/villages · %4 grids</source>
        <translation>%1 districts · %2 streets/towns · %3 communities/villages · %4 grids</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="66"/>
        <source>Live · %1 msg/s</source>
        <translation>Live · %1 msg/s</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="67"/>
        <source>Connected · no data for %1 s</source>
        <translation>Connected · no data for %1 s</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="68"/>
        <source>Feed down · reconnecting</source>
        <translation>Feed down · reconnecting</translation>
    </message>
    <message>
        <location filename="../../qml/HeaderBar.qml" line="69"/>
        <source>No feed</source>
        <translation>No feed</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="19"/>
        <source>Panjin Social Governance Command Center</source>
        <translation>Panjin Social Governance Command Center</translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="50"/>
        <source>History database was corrupt: moved to %1; a fresh one was started</source>
        <translation>History database was corrupt: moved to %1; a fresh one was started</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../qml/MapLegend.qml" line="16"/>
        <source>Response rings</source>
        <translation>Response rings</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="15"/>
        <source>Case density, 24 h</source>
        <translation>Case density, 24 h</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="69"/>
        <source>zoom in</source>
        <translation>zoom in</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="14"/>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="15"/>
        <source>Overdue cases</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="16"/>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="17"/>
        <source>Response units</source>
        <translation>Response units</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="18"/>
        <source>Safety sensors</source>
        <translation>Safety sensors</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="19"/>
        <source>Grid workers</source>
        <translation>Grid workers</translation>
    </message>
    <message>
        <location filename="../../qml/MapLegend.qml" line="20"/>
        <source>Cameras</source>
        <translation>Cameras</translation>
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
</TS>
