/** Complaints and reports against enterprises, and the complaint roster with its counts (ROS-07). */
package org.supervisionhub.graph.complaint;
