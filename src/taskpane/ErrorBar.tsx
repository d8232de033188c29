import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A failed action, shown with the error's own message. */
export function ErrorBar(props: { title: string; message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.message}
      </MessageBarBody>
    </MessageBar>
  );
}
