import { render } from 'preact';
import { Panel } from '../../components/Panel';

render(<Panel view="sidepanel" />, document.getElementById('app')!);
