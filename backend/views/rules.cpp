#include "rules.h"

#include "feedstatus.h"
#include "livelayers.h"
#include "wall/director.h"

namespace gridwall::views {

int Rules::quietAfterSeconds()
{
    return FeedStatus::kQuietAfterSeconds;
}

int Rules::staleAfterSeconds()
{
    return FeedStatus::kStaleAfterSeconds;
}

QColor Rules::caseColor()
{
    return LiveLayers::caseColor(false);
}

QColor Rules::overdueColor()
{
    return LiveLayers::caseColor(true);
}

QStringList Rules::layerKeys()
{
    return wall::layerKeys();
}

} // namespace gridwall::views
