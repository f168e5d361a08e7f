// The page's style sheets, in cascade order (main.ts imports this first).
import 'uplot/dist/uPlot.min.css';
import '../styles/tokens.css';
import '../styles/utility.css';
import '../styles/page.css';
import '../styles/masthead.css';
import '../styles/controls.css';
import '../styles/panel.css';
import '../styles/explore.css';
import '../styles/explore-panels.css';
import '../styles/softmax.css';
import '../styles/outputs.css';
import '../styles/lessons.css';
import '../styles/lesson.css';
