/** GraphQL area of complaints and the complaint roster (ROS-07). */
package org.supervisionhub.api.complaint;
